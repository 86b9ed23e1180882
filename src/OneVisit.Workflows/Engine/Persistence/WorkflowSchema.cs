using OneVisit.Workflows.Persistence.Sqlite;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>
/// The <c>wf_</c> tables of the workflow store, as ordered migrations of the <c>workflows</c> component.
/// Shipped scripts are never edited; a change is a new script at the end.
/// </summary>
/// <remarks>
/// All times are UTC ticks (INTEGER). Payload columns and <c>document</c> are UTF-8 JSON in BLOBs
/// (<c>SELECT CAST(document AS TEXT)</c> shows them). Each index names the query that needs it.
/// </remarks>
internal static class WorkflowSchema
{
    public const string Component = "workflows";

    /// <summary>Version 1: instances, subscriptions, events and errors.</summary>
    private const string V1 = """
        CREATE TABLE wf_instances (
            id             TEXT    NOT NULL PRIMARY KEY,
            definition_id  TEXT,
            version        INTEGER NOT NULL,
            status         INTEGER NOT NULL,
            reference      TEXT,
            next_execution INTEGER,
            create_time    INTEGER NOT NULL,
            complete_time  INTEGER,
            document       BLOB    NOT NULL
        );
        -- GetRunnableInstances: status = 0 (Runnable) AND next_execution <= now. Only runnable rows are indexed.
        CREATE INDEX wf_instances_runnable ON wf_instances (next_execution) WHERE status = 0;
        -- GetWorkflowInstances(status, type, createdFrom, createdTo, skip, take): by definition and creation time.
        CREATE INDEX wf_instances_definition ON wf_instances (definition_id, create_time);

        CREATE TABLE wf_subscriptions (
            id                    TEXT    NOT NULL PRIMARY KEY,
            workflow_id           TEXT,
            step_id               INTEGER NOT NULL,
            execution_pointer_id  TEXT,
            event_name            TEXT,
            event_key             TEXT,
            subscribe_as_of       INTEGER NOT NULL,
            subscription_data     BLOB,
            external_token        TEXT,
            external_worker_id    TEXT,
            external_token_expiry INTEGER
        );
        -- GetSubscriptions / GetFirstOpenSubscription: event_name = ? AND event_key IS ? AND subscribe_as_of <= ?.
        CREATE INDEX wf_subscriptions_event ON wf_subscriptions (event_name, event_key, subscribe_as_of);

        CREATE TABLE wf_events (
            id           TEXT    NOT NULL PRIMARY KEY,
            event_name   TEXT,
            event_key    TEXT,
            event_data   BLOB,
            event_time   INTEGER NOT NULL,
            is_processed INTEGER NOT NULL DEFAULT 0
        );
        -- GetEvents: event_name = ? AND event_key IS ? AND event_time >= ?.
        CREATE INDEX wf_events_event ON wf_events (event_name, event_key, event_time);
        -- GetRunnableEvents: is_processed = 0 AND event_time <= ?. Processed events leave this index.
        CREATE INDEX wf_events_unprocessed ON wf_events (event_time) WHERE is_processed = 0;

        -- Append-only; read by support tooling per workflow.
        CREATE TABLE wf_errors (
            id                   INTEGER PRIMARY KEY,
            error_time           INTEGER NOT NULL,
            workflow_id          TEXT,
            execution_pointer_id TEXT,
            message              TEXT
        );
        CREATE INDEX wf_errors_workflow ON wf_errors (workflow_id, error_time);
        """;

    /// <summary>
    /// Version 2: WorkflowCore's scheduled commands (wake a workflow or an event at a time). A separate step, as
    /// WorkflowCore added them late too; it also means the upgrade path is exercised from the first release.
    /// </summary>
    private const string V2 = """
        CREATE TABLE wf_scheduled_commands (
            command_name TEXT    NOT NULL,
            data         TEXT    NOT NULL,
            execute_time INTEGER NOT NULL,
            PRIMARY KEY (command_name, data)
        );
        -- ProcessCommands: execute_time <= ?.
        CREATE INDEX wf_scheduled_commands_due ON wf_scheduled_commands (execute_time);
        """;

    /// <summary>v3: find a workflow by its reference, which OneVisit sets to the case id.</summary>
    private const string V3 = """
        CREATE INDEX wf_instances_reference ON wf_instances (reference);
        """;

    /// <summary>
    /// v4: retention purges a closed case's rows: its subscriptions by workflow, and its events by key, since every
    /// event key OneVisit publishes is the case id or starts with it and a slash (a lookup and a range on <c>event_key</c>).
    /// </summary>
    private const string V4 = """
        CREATE INDEX wf_subscriptions_workflow ON wf_subscriptions (workflow_id);
        CREATE INDEX wf_events_key ON wf_events (event_key);
        """;

    public static IReadOnlyList<string> Scripts { get; } = [V1, V2, V3, V4];

    public static SqliteMigrations Migrations { get; } = new(Component, Scripts);
}
