namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>
/// OneVisit's own tables (prefix <c>ov_</c>) next to the engine's in the same SQLite file, so a case's audit
/// lines, visits and commitments live and back up with the case. Migrations are append-only: never edit one
/// that has shipped, add the next.
/// </summary>
internal static class CaseSchema
{
    public const string Component = "onevisit.cases";

    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE ov_cases (
            case_id TEXT PRIMARY KEY,
            workflow_id TEXT,
            idempotency_key TEXT NOT NULL UNIQUE,
            request_hash TEXT NOT NULL,
            procedure_code TEXT NOT NULL,
            procedure_version INTEGER NOT NULL,
            applicant_id TEXT NOT NULL,
            stage TEXT NOT NULL,
            outcome TEXT,
            authority_id TEXT NOT NULL,
            submitted_at INTEGER NOT NULL,
            closed_at INTEGER
        );
        CREATE INDEX ov_cases_applicant ON ov_cases (applicant_id, submitted_at);
        CREATE INDEX ov_cases_submitted ON ov_cases (submitted_at);

        CREATE TABLE ov_audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            entry_key TEXT NOT NULL UNIQUE,
            case_id TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL,
            data_requested TEXT,
            purpose TEXT
        );
        CREATE INDEX ov_audit_case ON ov_audit (case_id, seq);
        CREATE INDEX ov_audit_subject ON ov_audit (subject_id, seq);
        CREATE TRIGGER ov_audit_no_update BEFORE UPDATE ON ov_audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER ov_audit_no_delete BEFORE DELETE ON ov_audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

        CREATE TABLE ov_visits (
            visit_key TEXT PRIMARY KEY,
            case_id TEXT NOT NULL,
            applicant_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            purpose TEXT NOT NULL,
            window_id TEXT
        );
        CREATE INDEX ov_visits_case ON ov_visits (case_id, at);
        CREATE INDEX ov_visits_applicant ON ov_visits (applicant_id, at);

        CREATE TABLE ov_commitments (
            case_id TEXT NOT NULL,
            material_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            due_on TEXT NOT NULL,
            recorded_at INTEGER NOT NULL,
            PRIMARY KEY (case_id, material_id)
        );
        CREATE INDEX ov_commitments_due ON ov_commitments (due_on);

        CREATE TABLE ov_evidence_requests (
            idempotency_key TEXT PRIMARY KEY,
            case_id TEXT NOT NULL,
            material_id TEXT NOT NULL,
            department_id TEXT NOT NULL,
            document_id TEXT NOT NULL,
            requested_at INTEGER NOT NULL,
            outcome TEXT,
            response TEXT,
            answered_at INTEGER
        );
        CREATE INDEX ov_evidence_case ON ov_evidence_requests (case_id);

        CREATE TABLE ov_timers (
            timer_id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL,
            due INTEGER NOT NULL,
            kind TEXT NOT NULL,
            event_name TEXT,
            event_key TEXT,
            fired INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX ov_timers_due ON ov_timers (fired, due);

        CREATE TABLE ov_procedure_versions (
            code TEXT NOT NULL,
            version INTEGER NOT NULL,
            terms TEXT NOT NULL,
            PRIMARY KEY (code, version)
        );
        """,
        // v2: each wait takes one event. A caller (or a timer) claims the wait's key before its event is stored,
        // in the same transaction, so of two decisions, or of a supplement and its deadline, exactly one is
        // applied and the other is told so instead of being silently dropped.
        """
        CREATE TABLE ov_claims (
            event_name TEXT NOT NULL,
            event_key TEXT NOT NULL,
            case_id TEXT NOT NULL,
            actor TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (event_name, event_key)
        );

        -- The request as sent, so one recorded but not answered before a stop is sent again on start.
        ALTER TABLE ov_evidence_requests ADD COLUMN request TEXT;
        CREATE INDEX ov_evidence_unanswered ON ov_evidence_requests (requested_at) WHERE response IS NULL;

        -- Each wait disarms its own timers by case: without this, every cancel scanned every timer ever armed.
        CREATE INDEX ov_timers_case ON ov_timers (case_id) WHERE fired = 0;
        """,
        // v3: bundle cases (一件事) are listed with cases; a member case names its bundle case.
        """
        ALTER TABLE ov_cases ADD COLUMN kind TEXT NOT NULL DEFAULT 'case';
        ALTER TABLE ov_cases ADD COLUMN bundle_case_id TEXT;
        CREATE INDEX ov_cases_bundle ON ov_cases (bundle_case_id) WHERE bundle_case_id IS NOT NULL;
        """,
        // v4: the audit log shows tampering. Each line carries its place in its case's chain and a hash over its
        // content and the previous line's hash (see Storage/AuditSeal), and with a host's key an HMAC of that hash.
        // Lines written before this script keep no hash: unchained_up_to remembers where they end, so a hashless
        // line written later is known for a forgery rather than taken for an old one.
        """
        ALTER TABLE ov_audit ADD COLUMN chain_index INTEGER;
        ALTER TABLE ov_audit ADD COLUMN hash TEXT;
        ALTER TABLE ov_audit ADD COLUMN mac TEXT;
        -- Finds a chain's last line on every append; unique, so one chain never forks.
        CREATE UNIQUE INDEX ov_audit_chain ON ov_audit (case_id, chain_index);

        CREATE TABLE ov_audit_chaining (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            unchained_up_to INTEGER NOT NULL
        );
        INSERT INTO ov_audit_chaining (id, unchained_up_to) SELECT 1, COALESCE(MAX(seq), 0) FROM ov_audit;
        CREATE TRIGGER ov_audit_chaining_no_update BEFORE UPDATE ON ov_audit_chaining
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER ov_audit_chaining_no_delete BEFORE DELETE ON ov_audit_chaining
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """,
        // v5: retention (CaseOptions.RetainFinishedCasesFor). A case closed longer ago than the retention period has
        // its workflow document and the engine's rows purged; its index row stays, marked with when, so lists, the
        // audit chain and the ledgers keep it. The partial index holds only closed cases not yet purged: what a sweep reads.
        """
        ALTER TABLE ov_cases ADD COLUMN purged_at INTEGER;
        CREATE INDEX ov_cases_purgeable ON ov_cases (closed_at) WHERE purged_at IS NULL AND closed_at IS NOT NULL;
        """,
        // v6: the application as submitted, identities dropped (Cases/Internal/CaseApplication), so past cases can be read
        // as a what-if population (History/). Rows written before have none; a purge clears it with the documents.
        """
        ALTER TABLE ov_cases ADD COLUMN application TEXT;
        """,
    ];
}
