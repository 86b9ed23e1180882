using Microsoft.Data.Sqlite;
using WorkflowCore.Models;
using OneVisit.Workflows.Persistence.Sqlite;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>A published event as one <c>wf_events</c> row (a snapshot taken before queueing).</summary>
internal sealed record EventRow(
    string Id, string? EventName, string? EventKey, byte[]? EventData, long EventTime, bool IsProcessed)
{
    public const string SelectColumns = "id, event_name, event_key, event_data, event_time, is_processed";

    public static EventRow From(Event evt, PayloadTypes payloads) => new(
        evt.Id,
        evt.EventName,
        evt.EventKey,
        payloads.ToBytes(evt.EventData),
        UtcTicks.From(evt.EventTime),
        evt.IsProcessed);

    public void Insert(SqliteTransaction transaction)
    {
        using var command = SqlCommands.Create(transaction, $"""
            INSERT INTO wf_events ({SelectColumns})
            VALUES ($id, $event_name, $event_key, $event_data, $event_time, $is_processed);
            """)
            .With("$id", Id)
            .With("$event_name", EventName)
            .With("$event_key", EventKey)
            .With("$event_data", EventData)
            .With("$event_time", EventTime)
            .With("$is_processed", IsProcessed ? 1 : 0);
        command.ExecuteNonQuery();
    }

    public static Event Read(SqliteDataReader reader, PayloadTypes payloads) => new()
    {
        Id = reader.GetString(0),
        EventName = reader.GetNullableString(1),
        EventKey = reader.GetNullableString(2),
        EventData = payloads.FromBytes(reader.GetNullableBytes(3)),
        EventTime = UtcTicks.ToDateTime(reader.GetInt64(4)),
        IsProcessed = reader.GetInt64(5) != 0,
    };
}
