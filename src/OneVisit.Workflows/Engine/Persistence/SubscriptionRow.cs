using Microsoft.Data.Sqlite;
using WorkflowCore.Models;
using OneVisit.Workflows.Persistence.Sqlite;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>An event subscription as one <c>wf_subscriptions</c> row (a snapshot taken before queueing).</summary>
internal sealed record SubscriptionRow(
    string Id,
    string? WorkflowId,
    int StepId,
    string? ExecutionPointerId,
    string? EventName,
    string? EventKey,
    long SubscribeAsOf,
    byte[]? SubscriptionData,
    string? ExternalToken,
    string? ExternalWorkerId,
    long? ExternalTokenExpiry)
{
    public const string SelectColumns =
        "id, workflow_id, step_id, execution_pointer_id, event_name, event_key, subscribe_as_of, " +
        "subscription_data, external_token, external_worker_id, external_token_expiry";

    public static SubscriptionRow From(EventSubscription subscription, PayloadTypes payloads) => new(
        subscription.Id,
        subscription.WorkflowId,
        subscription.StepId,
        subscription.ExecutionPointerId,
        subscription.EventName,
        subscription.EventKey,
        UtcTicks.From(subscription.SubscribeAsOf),
        payloads.ToBytes(subscription.SubscriptionData),
        subscription.ExternalToken,
        subscription.ExternalWorkerId,
        UtcTicks.From(subscription.ExternalTokenExpiry));

    public void Insert(SqliteTransaction transaction)
    {
        using var command = SqlCommands.Create(transaction, $"""
            INSERT INTO wf_subscriptions ({SelectColumns})
            VALUES ($id, $workflow_id, $step_id, $execution_pointer_id, $event_name, $event_key, $subscribe_as_of,
                    $subscription_data, $external_token, $external_worker_id, $external_token_expiry);
            """)
            .With("$id", Id)
            .With("$workflow_id", WorkflowId)
            .With("$step_id", StepId)
            .With("$execution_pointer_id", ExecutionPointerId)
            .With("$event_name", EventName)
            .With("$event_key", EventKey)
            .With("$subscribe_as_of", SubscribeAsOf)
            .With("$subscription_data", SubscriptionData)
            .With("$external_token", ExternalToken)
            .With("$external_worker_id", ExternalWorkerId)
            .With("$external_token_expiry", ExternalTokenExpiry);
        command.ExecuteNonQuery();
    }

    public static EventSubscription Read(SqliteDataReader reader, PayloadTypes payloads) => new()
    {
        Id = reader.GetString(0),
        WorkflowId = reader.GetNullableString(1),
        StepId = reader.GetInt32(2),
        ExecutionPointerId = reader.GetNullableString(3),
        EventName = reader.GetNullableString(4),
        EventKey = reader.GetNullableString(5),
        SubscribeAsOf = UtcTicks.ToDateTime(reader.GetInt64(6)),
        SubscriptionData = payloads.FromBytes(reader.GetNullableBytes(7)),
        ExternalToken = reader.GetNullableString(8),
        ExternalWorkerId = reader.GetNullableString(9),
        ExternalTokenExpiry = UtcTicks.ToDateTime(reader.GetNullableInt64(10)),
    };
}
