namespace OneVisit.Workflows.PostgreSql;

/// <summary>
/// OneVisit's own tables (prefix <c>ov_</c>) on PostgreSQL: the same tables and meaning as the SQLite store's
/// (Persistence/Sqlite/CaseSchema), in PostgreSQL's types. Migrations are append-only: never edit one that has
/// shipped, add the next. Script i (0-based) takes the schema to version i + 1 (<see cref="PostgresMigrations"/>).
/// </summary>
/// <remarks>
/// Every text column is <c>COLLATE "C"</c>: ids sort and compare by code point, as SQLite's do, whatever the
/// database's default collation is. Instants are <c>timestamptz</c> kept to the millisecond (the store truncates them
/// before writing, as <see cref="Storage.AuditSeal"/> hashes them). The audit log is chained from its first line, so
/// unlike SQLite's there are no lines older than chaining and no <c>ov_audit_chaining</c> table: a line without a hash
/// cannot be written at all.
/// </remarks>
internal static class PostgresSchema
{
    /// <summary>The row of <c>schema_versions</c> that holds this schema's version (the same name as SQLite's).</summary>
    public const string Component = "onevisit.cases";

    public static IReadOnlyList<string> Migrations { get; } =
    [
        // v1: everything SQLite reached in its v1 to v5, at once.
        """
        CREATE TABLE ov_cases (
            case_id text COLLATE "C" PRIMARY KEY,
            workflow_id text COLLATE "C",
            idempotency_key text COLLATE "C" NOT NULL UNIQUE,
            request_hash text COLLATE "C" NOT NULL,
            procedure_code text COLLATE "C" NOT NULL,
            procedure_version integer NOT NULL,
            applicant_id text COLLATE "C" NOT NULL,
            stage text COLLATE "C" NOT NULL,
            outcome text COLLATE "C",
            authority_id text COLLATE "C" NOT NULL,
            submitted_at timestamptz NOT NULL,
            closed_at timestamptz,
            kind text COLLATE "C" NOT NULL DEFAULT 'case' CHECK (kind IN ('case', 'bundle')),
            bundle_case_id text COLLATE "C",
            purged_at timestamptz
        );
        CREATE INDEX ov_cases_applicant ON ov_cases (applicant_id, submitted_at);
        CREATE INDEX ov_cases_submitted ON ov_cases (submitted_at);
        CREATE INDEX ov_cases_bundle ON ov_cases (bundle_case_id) WHERE bundle_case_id IS NOT NULL;
        CREATE INDEX ov_cases_unlinked ON ov_cases (case_id) WHERE workflow_id IS NULL;
        CREATE INDEX ov_cases_purgeable ON ov_cases (closed_at, case_id) WHERE purged_at IS NULL AND closed_at IS NOT NULL;

        -- The audit log. seq is the append order; (case_id, chain_index) is unique, so one chain never forks.
        CREATE TABLE ov_audit (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            entry_key text COLLATE "C" NOT NULL UNIQUE,
            case_id text COLLATE "C" NOT NULL,
            subject_id text COLLATE "C" NOT NULL,
            at timestamptz NOT NULL,
            actor text COLLATE "C" NOT NULL,
            action text COLLATE "C" NOT NULL,
            detail text COLLATE "C" NOT NULL,
            data_requested text COLLATE "C",
            purpose text COLLATE "C",
            chain_index bigint NOT NULL CHECK (chain_index >= 0),
            hash text COLLATE "C" NOT NULL,
            mac text COLLATE "C",
            CONSTRAINT ov_audit_chain UNIQUE (case_id, chain_index)
        );
        CREATE INDEX ov_audit_case ON ov_audit (case_id, seq);
        CREATE INDEX ov_audit_subject ON ov_audit (subject_id, seq);

        -- Append-only: no update, delete or truncate, whoever asks (only dropping the trigger, as the table's owner, gets past it).
        CREATE FUNCTION ov_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit log is append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
        END;
        $$;
        CREATE TRIGGER ov_audit_no_update_or_delete BEFORE UPDATE OR DELETE ON ov_audit
            FOR EACH ROW EXECUTE FUNCTION ov_audit_refuse_change();
        CREATE TRIGGER ov_audit_no_truncate BEFORE TRUNCATE ON ov_audit
            FOR EACH STATEMENT EXECUTE FUNCTION ov_audit_refuse_change();

        CREATE TABLE ov_visits (
            visit_key text COLLATE "C" PRIMARY KEY,
            case_id text COLLATE "C" NOT NULL,
            applicant_id text COLLATE "C" NOT NULL,
            at timestamptz NOT NULL,
            purpose text COLLATE "C" NOT NULL,
            window_id text COLLATE "C"
        );
        CREATE INDEX ov_visits_case ON ov_visits (case_id, at);
        CREATE INDEX ov_visits_applicant ON ov_visits (applicant_id, at);

        CREATE TABLE ov_commitments (
            case_id text COLLATE "C" NOT NULL,
            material_id text COLLATE "C" NOT NULL,
            kind text COLLATE "C" NOT NULL,
            due_on date NOT NULL,
            recorded_at timestamptz NOT NULL,
            PRIMARY KEY (case_id, material_id)
        );
        CREATE INDEX ov_commitments_due ON ov_commitments (due_on);

        -- request and response are the JSON the case runtime serializes, kept as text: read back byte for byte.
        CREATE TABLE ov_evidence_requests (
            idempotency_key text COLLATE "C" PRIMARY KEY,
            case_id text COLLATE "C" NOT NULL,
            material_id text COLLATE "C" NOT NULL,
            department_id text COLLATE "C" NOT NULL,
            document_id text COLLATE "C" NOT NULL,
            requested_at timestamptz NOT NULL,
            outcome text COLLATE "C",
            response text COLLATE "C",
            answered_at timestamptz,
            request text COLLATE "C"
        );
        CREATE INDEX ov_evidence_case ON ov_evidence_requests (case_id);
        CREATE INDEX ov_evidence_unanswered ON ov_evidence_requests (requested_at) WHERE response IS NULL;

        CREATE TABLE ov_timers (
            timer_id text COLLATE "C" PRIMARY KEY,
            case_id text COLLATE "C" NOT NULL,
            due timestamptz NOT NULL,
            kind text COLLATE "C" NOT NULL,
            event_name text COLLATE "C",
            event_key text COLLATE "C",
            fired boolean NOT NULL DEFAULT false
        );
        CREATE INDEX ov_timers_due ON ov_timers (due) WHERE NOT fired;
        CREATE INDEX ov_timers_case ON ov_timers (case_id) WHERE NOT fired;

        CREATE TABLE ov_procedure_versions (
            code text COLLATE "C" NOT NULL,
            version integer NOT NULL,
            terms text COLLATE "C" NOT NULL,
            PRIMARY KEY (code, version)
        );

        -- Each wait takes one event: the first claim on its key wins (see ICaseTransaction.TryClaim).
        CREATE TABLE ov_claims (
            event_name text COLLATE "C" NOT NULL,
            event_key text COLLATE "C" NOT NULL,
            case_id text COLLATE "C" NOT NULL,
            actor text COLLATE "C" NOT NULL,
            at timestamptz NOT NULL,
            PRIMARY KEY (event_name, event_key)
        );
        """,

        // v2: several nodes on one database. A node registers in ov_nodes and renews seen_at at each heartbeat; what it
        // claims (an evidence request it sends, a timer it fires) lapses when it stops renewing (PostgresNode.Alive).
        """
        CREATE TABLE ov_nodes (
            node_id uuid PRIMARY KEY,
            name text COLLATE "C" NOT NULL,
            started_at timestamptz NOT NULL,
            seen_at timestamptz NOT NULL
        );
        ALTER TABLE ov_evidence_requests ADD COLUMN node_id uuid;
        ALTER TABLE ov_timers ADD COLUMN claimed_by uuid;
        """,

        // v3: the application as submitted, identities dropped (as SQLite's v6), for populations of past cases; a purge
        // clears it with the documents.
        """
        ALTER TABLE ov_cases ADD COLUMN application text COLLATE "C";
        """,
    ];
}
