using OneVisit.Workflows.Engine.Persistence;
using WorkflowCore.Models;

namespace OneVisit.Workflows.PostgreSql.Engine;

/// <summary>
/// ISubscriptionRepository, as on SQLite: GetSubscriptions ignores external tokens, GetFirstOpenSubscription only
/// returns subscriptions without one, and terminating a subscription deletes it. Setting a token is one guarded
/// update, so of two nodes taking the same subscription each sees the other's committed token.
/// </summary>
internal sealed partial class PostgresWorkflowStore
{
    public async Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        subscription.Id = NewIdIfEmpty(subscription.Id);
        var values = SubscriptionValues(subscription);
        await ExecuteAsync(InsertSubscription, values, cancellationToken).ConfigureAwait(false);
        return subscription.Id;
    }

    public async Task<IEnumerable<EventSubscription>> GetSubscriptions(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
        await QueryAsync(
            $"SELECT {SubscriptionColumns} FROM wf_subscriptions WHERE {SameEvent} AND subscribe_as_of <= @as_of ORDER BY subscribe_as_of, seq",
            c => c.Text("name", eventName).Text("key", eventKey).Long("as_of", UtcTicks.From(asOf)),
            ReadSubscription,
            cancellationToken).ConfigureAwait(false);

    public Task TerminateSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM wf_subscriptions WHERE id = @id", c => c.Text("id", eventSubscriptionId), cancellationToken);

    public async Task<EventSubscription?> GetSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {SubscriptionColumns} FROM wf_subscriptions WHERE id = @id", c => c.Text("id", eventSubscriptionId), ReadSubscription, cancellationToken)
            .ConfigureAwait(false)).FirstOrDefault();

    public async Task<EventSubscription?> GetFirstOpenSubscription(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
        (await QueryAsync(
            $"""
            SELECT {SubscriptionColumns} FROM wf_subscriptions
            WHERE {SameEvent} AND subscribe_as_of <= @as_of AND external_token IS NULL
            ORDER BY subscribe_as_of, seq LIMIT 1
            """,
            c => c.Text("name", eventName).Text("key", eventKey).Long("as_of", UtcTicks.From(asOf)),
            ReadSubscription,
            cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>False when the subscription does not exist (as in the in-memory provider).</summary>
    public Task<bool> SetSubscriptionToken(string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken cancellationToken = default)
    {
        var expiryTicks = UtcTicks.From(expiry);
        return WriteAsync(
            t => t.Execute(
                "UPDATE wf_subscriptions SET external_token = @token, external_worker_id = @worker, external_token_expiry = @expiry WHERE id = @id",
                c => c.Text("id", eventSubscriptionId).Text("token", token).Text("worker", workerId).Long("expiry", expiryTicks)) > 0,
            cancellationToken);
    }

    /// <summary>Throws when the subscription is missing or holds another token; check and clear are one transaction.</summary>
    public Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken cancellationToken = default) =>
        WriteAsync(t =>
        {
            if (t.Execute(
                    "UPDATE wf_subscriptions SET external_token = NULL, external_worker_id = NULL, external_token_expiry = NULL WHERE id = @id AND external_token IS NOT DISTINCT FROM @token",
                    c => c.Text("id", eventSubscriptionId).Text("token", token)) > 0)
            {
                return true;
            }

            using var exists = t.Command("SELECT 1 FROM wf_subscriptions WHERE id = @id").Text("id", eventSubscriptionId);
            throw exists.ExecuteScalar() is null
                ? new InvalidOperationException($"Subscription {eventSubscriptionId} not found.")
                : new InvalidOperationException($"Subscription {eventSubscriptionId} is held by another token.");
        }, cancellationToken);
}
