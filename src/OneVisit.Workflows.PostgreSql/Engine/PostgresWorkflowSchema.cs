namespace OneVisit.Workflows.PostgreSql.Engine;

/// <summary>
/// WorkflowCore's tables (prefix <c>wf_</c>) on PostgreSQL: the same tables and meaning as SQLite's
/// (Engine/Persistence/WorkflowSchema), versioned as the same component (<c>workflows</c>) beside OneVisit's own.
/// Append-only: never edit a shipped script, add the next.
/// </summary>
/// <remarks>
/// Times are UTC ticks (<c>bigint</c>), as on SQLite, so the engine's times keep their full precision and the
/// serialization helpers are shared. The document and payload columns are the UTF-8 JSON the shared helpers write, kept
/// as <c>bytea</c>: read back byte for byte. Ids are <c>COLLATE "C"</c>. <c>wf_subscriptions.seq</c> stands in for
/// SQLite's rowid (subscriptions of one instant are returned in insertion order).
/// </remarks>
internal static class PostgresWorkflowSchema
{
    public const string Component = "workflows";

    public static IReadOnlyList<string> Scripts { get; } =
    [
        // v1: everything SQLite reached in its v1 to v4, at once.
        """
        CREATE TABLE wf_instances (
            id             text COLLATE "C" PRIMARY KEY,
            definition_id  text COLLATE "C",
            version        integer NOT NULL,
            status         integer NOT NULL,
            reference      text COLLATE "C",
            next_execution bigint,
            create_time    bigint NOT NULL,
            complete_time  bigint,
            document       bytea NOT NULL
        );
        CREATE INDEX wf_instances_runnable ON wf_instances (next_execution) WHERE status = 0;
        CREATE INDEX wf_instances_definition ON wf_instances (definition_id, create_time);
        CREATE INDEX wf_instances_reference ON wf_instances (reference);

        CREATE TABLE wf_subscriptions (
            id                    text COLLATE "C" PRIMARY KEY,
            seq                   bigint GENERATED ALWAYS AS IDENTITY,
            workflow_id           text COLLATE "C",
            step_id               integer NOT NULL,
            execution_pointer_id  text COLLATE "C",
            event_name            text COLLATE "C",
            event_key             text COLLATE "C",
            subscribe_as_of       bigint NOT NULL,
            subscription_data     bytea,
            external_token        text COLLATE "C",
            external_worker_id    text COLLATE "C",
            external_token_expiry bigint
        );
        CREATE INDEX wf_subscriptions_event ON wf_subscriptions (event_name, event_key, subscribe_as_of);
        CREATE INDEX wf_subscriptions_workflow ON wf_subscriptions (workflow_id);

        CREATE TABLE wf_events (
            id           text COLLATE "C" PRIMARY KEY,
            event_name   text COLLATE "C",
            event_key    text COLLATE "C",
            event_data   bytea,
            event_time   bigint NOT NULL,
            is_processed boolean NOT NULL DEFAULT false
        );
        CREATE INDEX wf_events_event ON wf_events (event_name, event_key, event_time);
        CREATE INDEX wf_events_unprocessed ON wf_events (event_time) WHERE NOT is_processed;
        CREATE INDEX wf_events_key ON wf_events (event_key);

        CREATE TABLE wf_errors (
            id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            error_time           bigint NOT NULL,
            workflow_id          text COLLATE "C",
            execution_pointer_id text COLLATE "C",
            message              text
        );
        CREATE INDEX wf_errors_workflow ON wf_errors (workflow_id, error_time);

        CREATE TABLE wf_scheduled_commands (
            command_name text COLLATE "C" NOT NULL,
            data         text COLLATE "C" NOT NULL,
            execute_time bigint NOT NULL,
            PRIMARY KEY (command_name, data)
        );
        CREATE INDEX wf_scheduled_commands_due ON wf_scheduled_commands (execute_time);
        """,

        // v2: several nodes. Both tables are UNLOGGED: a lock or a queued id is worth nothing after the database itself
        // restarts (every node reconnects and the engine's poll finds its work again in wf_instances and wf_events), so
        // they skip the WAL; for the same reason a standby promoted after a failover starts with them empty.
        """
        CREATE UNLOGGED TABLE wf_locks (
            lock_id  text COLLATE "C" PRIMARY KEY,
            node_id  uuid NOT NULL,
            taken_at timestamptz NOT NULL
        );
        CREATE INDEX wf_locks_node ON wf_locks (node_id);

        CREATE UNLOGGED TABLE wf_queue (
            queue smallint NOT NULL,
            item  text COLLATE "C" NOT NULL,
            seq   bigint GENERATED ALWAYS AS IDENTITY,
            PRIMARY KEY (queue, item)
        );
        CREATE INDEX wf_queue_order ON wf_queue (queue, seq);
        """,

        // v3: each save writes a revision the saving node chooses, so it knows the revision it wrote without reading it
        // back, and the probe of the waits (CaseWatcher) can tell its own node's saves from other nodes'. With a
        // constant default, adding the column rewrites no row. An update that leaves the revision as it was (a node of
        // an older version during a rolling upgrade, or an operator's statement) gets a new one from the trigger, so
        // the probe never mistakes a changed workflow for an unchanged one; a save of this version sets its own and
        // the trigger's condition skips it.
        """
        ALTER TABLE wf_instances ADD COLUMN revision bigint NOT NULL DEFAULT 0;

        CREATE FUNCTION wf_instances_new_revision() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.revision := floor(random() * 9223372036854775807)::bigint;
            RETURN NEW;
        END
        $$;

        CREATE TRIGGER wf_instances_revision BEFORE UPDATE ON wf_instances
            FOR EACH ROW WHEN (NEW.revision = OLD.revision) EXECUTE FUNCTION wf_instances_new_revision();
        """,
    ];

    public static PostgresMigrations Migrations { get; } = new(Component, Scripts);
}
