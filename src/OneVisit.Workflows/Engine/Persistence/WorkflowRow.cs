using System.Text.Json;
using Microsoft.Data.Sqlite;
using WorkflowCore.Models;
using OneVisit.Workflows.Persistence.Sqlite;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>
/// A workflow instance as one <c>wf_instances</c> row. Built on the caller's thread before the write is queued:
/// the single writer then only runs SQL, and the row is a snapshot the caller may go on mutating.
/// </summary>
internal sealed record WorkflowRow(
    string Id,
    string? DefinitionId,
    int Version,
    int Status,
    string? Reference,
    long? NextExecution,
    long CreateTime,
    long? CompleteTime,
    byte[] Document)
{
    public const string SelectColumns =
        "id, definition_id, version, status, reference, next_execution, create_time, complete_time, document";

    public static WorkflowRow From(WorkflowInstance workflow, WorkflowDocument document) => new(
        workflow.Id,
        workflow.WorkflowDefinitionId,
        workflow.Version,
        (int)workflow.Status,
        workflow.Reference,
        workflow.NextExecution,
        UtcTicks.From(workflow.CreateTime),
        UtcTicks.From(workflow.CompleteTime),
        document.Serialize(workflow));

    public void Insert(SqliteTransaction transaction)
    {
        using var command = Bind(SqlCommands.Create(transaction, $"""
            INSERT INTO wf_instances ({SelectColumns})
            VALUES ($id, $definition_id, $version, $status, $reference, $next_execution, $create_time, $complete_time, $document);
            """));
        command.ExecuteNonQuery();
    }

    /// <summary>Overwrites the stored instance; fails (rolling back its neighbours in the same write) when it is missing.</summary>
    public void Update(SqliteTransaction transaction)
    {
        using var command = Bind(SqlCommands.Create(transaction, """
            UPDATE wf_instances SET definition_id = $definition_id, version = $version, status = $status,
                reference = $reference, next_execution = $next_execution, create_time = $create_time,
                complete_time = $complete_time, document = $document
            WHERE id = $id;
            """));
        if (command.ExecuteNonQuery() == 0)
        {
            throw new InvalidOperationException($"Workflow instance {Id} does not exist; create it before persisting it.");
        }
    }

    /// <summary>Reads a row selected with <see cref="SelectColumns"/> back into a workflow instance.</summary>
    public static WorkflowInstance Read(SqliteDataReader reader, WorkflowDocument document)
    {
        var workflow = new WorkflowInstance
        {
            Id = reader.GetString(0),
            WorkflowDefinitionId = reader.GetNullableString(1),
            Version = reader.GetInt32(2),
            Status = (WorkflowStatus)reader.GetInt32(3),
            Reference = reader.GetNullableString(4),
            NextExecution = reader.GetNullableInt64(5),
            CreateTime = UtcTicks.ToDateTime(reader.GetInt64(6)),
            CompleteTime = UtcTicks.ToDateTime(reader.GetNullableInt64(7)),
        };
        try
        {
            document.Populate(workflow, (byte[])reader.GetValue(8));
        }
        catch (Exception e) when (e is JsonException or CorruptPayloadException or InvalidOperationException or FormatException or ArgumentException or NotSupportedException)
        {
            throw CorruptPayloadException.OfDocument(workflow, e);
        }

        return workflow;
    }

    private SqliteCommand Bind(SqliteCommand command) => command
        .With("$id", Id)
        .With("$definition_id", DefinitionId)
        .With("$version", Version)
        .With("$status", Status)
        .With("$reference", Reference)
        .With("$next_execution", NextExecution)
        .With("$create_time", CreateTime)
        .With("$complete_time", CompleteTime)
        .With("$document", Document);
}
