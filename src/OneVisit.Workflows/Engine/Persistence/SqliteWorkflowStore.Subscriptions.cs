using Microsoft.Data.Sqlite;
using WorkflowCore.Models;
using OneVisit.Workflows.Persistence.Sqlite;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>
/// ISubscriptionRepository. As in WorkflowCore's providers: GetSubscriptions ignores external tokens,
/// GetFirstOpenSubscription only returns subscriptions without one (an expired token still counts as taken;
/// expiry is stored for the worker that set it), and terminating a subscription deletes it.
/// </summary>
internal sealed partial class SqliteWorkflowStore
{
    public async Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        subscription.Id = NewIdIfEmpty(subscription.Id);
        var row = SubscriptionRow.From(subscription, _payloads);
        await WriteAsync(transaction => { row.Insert(transaction); return true; }, cancellationToken).ConfigureAwait(false);
        return row.Id;
    }

    public Task<IEnumerable<EventSubscription>> GetSubscriptions(
        string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        var asOfTicks = UtcTicks.From(asOf);
        return ReadAsync<IEnumerable<EventSubscription>>(connection =>
        {
            // IS rather than = so that a null key matches a null key, as the in-memory provider's == does.
            using var command = SqlCommands.Create(connection, $"""
                SELECT {SubscriptionRow.SelectColumns} FROM wf_subscriptions
                WHERE event_name IS $name AND event_key IS $key AND subscribe_as_of <= $as_of
                ORDER BY subscribe_as_of, rowid;
                """).With("$name", eventName).With("$key", eventKey).With("$as_of", asOfTicks);
            return ReadSubscriptions(command);
        }, cancellationToken);
    }

    public Task TerminateSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) =>
        WriteAsync(transaction =>
        {
            using var command = SqlCommands.Create(transaction, "DELETE FROM wf_subscriptions WHERE id = $id;")
                .With("$id", eventSubscriptionId);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<EventSubscription?> GetSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) =>
        ReadAsync(connection =>
        {
            using var command = SqlCommands.Create(
                connection, $"SELECT {SubscriptionRow.SelectColumns} FROM wf_subscriptions WHERE id = $id;")
                .With("$id", eventSubscriptionId);
            return ReadSubscriptions(command).FirstOrDefault();
        }, cancellationToken);

    public Task<EventSubscription?> GetFirstOpenSubscription(
        string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        var asOfTicks = UtcTicks.From(asOf);
        return ReadAsync(connection =>
        {
            using var command = SqlCommands.Create(connection, $"""
                SELECT {SubscriptionRow.SelectColumns} FROM wf_subscriptions
                WHERE event_name IS $name AND event_key IS $key AND subscribe_as_of <= $as_of
                  AND external_token IS NULL
                ORDER BY subscribe_as_of, rowid
                LIMIT 1;
                """).With("$name", eventName).With("$key", eventKey).With("$as_of", asOfTicks);
            return ReadSubscriptions(command).FirstOrDefault();
        }, cancellationToken);
    }

    /// <summary>False when the subscription does not exist (as in the in-memory provider).</summary>
    public Task<bool> SetSubscriptionToken(
        string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken cancellationToken = default)
    {
        var expiryTicks = UtcTicks.From(expiry);
        return WriteAsync(transaction =>
        {
            using var command = SqlCommands.Create(transaction, """
                UPDATE wf_subscriptions
                SET external_token = $token, external_worker_id = $worker, external_token_expiry = $expiry
                WHERE id = $id;
                """).With("$id", eventSubscriptionId).With("$token", token).With("$worker", workerId).With("$expiry", expiryTicks);
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken);
    }

    /// <summary>Throws when the subscription is missing or holds another token; check and clear are one write.</summary>
    public Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken cancellationToken = default) =>
        WriteAsync(transaction =>
        {
            using var command = SqlCommands.Create(transaction, """
                UPDATE wf_subscriptions
                SET external_token = NULL, external_worker_id = NULL, external_token_expiry = NULL
                WHERE id = $id AND external_token IS $token;
                """).With("$id", eventSubscriptionId).With("$token", token);
            if (command.ExecuteNonQuery() > 0)
            {
                return true;
            }

            using var exists = SqlCommands.Create(transaction, "SELECT 1 FROM wf_subscriptions WHERE id = $id;")
                .With("$id", eventSubscriptionId);
            throw exists.ExecuteScalar() is null
                ? new InvalidOperationException($"Subscription {eventSubscriptionId} not found.")
                : new InvalidOperationException($"Subscription {eventSubscriptionId} is held by another token.");
        }, cancellationToken);

    private List<EventSubscription> ReadSubscriptions(SqliteCommand command)
    {
        var result = new List<EventSubscription>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(SubscriptionRow.Read(reader, _payloads));
        }

        return result;
    }
}
