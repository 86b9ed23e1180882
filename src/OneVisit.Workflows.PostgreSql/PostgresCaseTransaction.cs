using System.Globalization;
using System.Text.Json;
using Npgsql;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.PostgreSql;

/// <summary>
/// A case step's writes inside one PostgreSQL transaction (READ COMMITTED). The port's transaction is synchronous
/// (<see cref="ICaseTransaction"/>), so these statements run synchronously on the transaction's connection; the
/// store opens and commits the transaction asynchronously around them (<see cref="RunAsync"/>). WorkflowCore's store on
/// PostgreSQL (Engine/PostgresWorkflowStore) writes its own rows through <see cref="Command"/> on the same transaction.
/// </summary>
internal sealed class PostgresCaseTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditSeal seal) : ICaseTransaction
{
    /// <summary>
    /// The first key of the advisory lock (two-int key space) that serialises appends to one case's audit chain; the
    /// second is <c>hashtext(case_id)</c>. Two cases whose ids hash alike merely wait for each other.
    /// </summary>
    public const int AuditChainLock = 0x4F56_4143; // "OVAC"

    private const string InsertAudit =
        "INSERT INTO ov_audit (entry_key, case_id, subject_id, at, actor, action, detail, data_requested, purpose, chain_index, hash, mac) "
        + "VALUES (@key, @case, @subject, @at, @actor, @action, @detail, @data, @purpose, @index, @hash, @mac) ON CONFLICT (entry_key) DO NOTHING";

    // Whether the key was used, and the chain's last line (through the unique index ov_audit_chain), in one statement.
    private const string ChainHead = """
        SELECT EXISTS (SELECT 1 FROM ov_audit WHERE entry_key = @key), head.chain_index, head.hash
        FROM (SELECT 1) AS one
        LEFT JOIN LATERAL (SELECT chain_index, hash FROM ov_audit WHERE case_id = @case ORDER BY chain_index DESC LIMIT 1) AS head ON true
        """;

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction of its own on a pooled connection of <paramref name="dataSource"/>:
    /// committed whole, or rolled back when it throws. The case store and the engine's store both write through this,
    /// so a case step's rows and the engine's rows can share one transaction.
    /// </summary>
    public static async Task<T> RunAsync<T>(NpgsqlDataSource dataSource, AuditSeal seal, Func<PostgresCaseTransaction, T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(write);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = write(new PostgresCaseTransaction(connection, transaction, seal));
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    /// <summary>
    /// Appends the line as the next of its case's chain. The case's advisory lock, held until this transaction ends,
    /// makes "read the chain's last line, then insert after it" one step across every node: a second appender waits,
    /// and its next statement (a new snapshot under READ COMMITTED) sees the line committed before it. The lock is
    /// taken in a statement of its own for that reason: a statement's snapshot is taken before it waits.
    /// </summary>
    public void AppendAudit(string entryKey, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Execute("SELECT pg_advisory_xact_lock(@lock, hashtext(@case))", c => c.Int("lock", AuditChainLock).Text("case", entry.CaseId));

        long index;
        string? previous;
        using (var head = Command(ChainHead).Text("key", entryKey).Text("case", entry.CaseId))
        using (var reader = head.ExecuteReader())
        {
            reader.Read();
            if (reader.GetBoolean(0))
            {
                return;
            }

            index = reader.IsDBNull(1) ? 0 : reader.GetInt64(1) + 1;
            previous = PostgresValues.NullableString(reader, 2);
        }

        var hash = AuditSeal.Hash(entry, index, previous);
        Execute(InsertAudit, c => c.Text("key", entryKey).Text("case", entry.CaseId).Text("subject", entry.SubjectId).Instant("at", entry.At)
            .Text("actor", entry.Actor).Text("action", entry.Action).Text("detail", entry.Detail).Text("data", entry.DataRequested)
            .Text("purpose", entry.Purpose).Long("index", index).Text("hash", hash).Text("mac", seal.Mac(hash)));
    }

    public void UpdateStage(string caseId, string stage, string? outcome, string authorityId, DateTimeOffset? closedAt) =>
        Execute(
            "UPDATE ov_cases SET stage = @stage, outcome = @outcome, authority_id = @authority, closed_at = @closed WHERE case_id = @id",
            c => c.Text("stage", stage).Text("outcome", outcome).Text("authority", authorityId).Instant("closed", closedAt).Text("id", caseId));

    public void RecordVisit(string visitKey, VisitRecord visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        Execute(
            "INSERT INTO ov_visits (visit_key, case_id, applicant_id, at, purpose, window_id) VALUES (@key, @case, @applicant, @at, @purpose, @window) ON CONFLICT (visit_key) DO NOTHING",
            c => c.Text("key", visitKey).Text("case", visit.CaseId).Text("applicant", visit.ApplicantId).Instant("at", visit.At)
                .Text("purpose", visit.Purpose).Text("window", visit.WindowId));
    }

    public void AddCommitment(CommitmentEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Execute(
            "INSERT INTO ov_commitments (case_id, material_id, kind, due_on, recorded_at) VALUES (@case, @material, @kind, @due, @at) ON CONFLICT DO NOTHING",
            c => c.Text("case", entry.CaseId).Text("material", entry.MaterialId).Text("kind", entry.Kind.ToString())
                .Date("due", entry.DueOn).Instant("at", entry.RecordedAt));
    }

    /// <summary>The answer on its request's row, and the audit line that records it, keyed so a repeat writes nothing.</summary>
    public void SaveEvidenceAnswer(EvidenceRequest request, string materialId, EvidenceResponse response, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        Execute(
            "UPDATE ov_evidence_requests SET outcome = @outcome, response = @response, answered_at = @at WHERE idempotency_key = @key AND response IS NULL",
            c => c.Text("outcome", response.Outcome.ToString()).Text("response", JsonSerializer.Serialize(response, CaseJson.Default.EvidenceResponse))
                .Instant("at", at).Text("key", request.IdempotencyKey));
        AppendAudit(
            string.Create(CultureInfo.InvariantCulture, $"{request.CaseId}:evidence:{materialId}:first-answer"),
            new AuditEntry(0, request.CaseId, request.SubjectId, at, request.DepartmentId, AuditActions.EvidenceAnswered, $"{request.DocumentId} from {request.DepartmentId}: {response.Summary}"));
    }

    public void ScheduleTimer(TimerRow timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        Execute(
            "INSERT INTO ov_timers (timer_id, case_id, due, kind, event_name, event_key) VALUES (@id, @case, @due, @kind, @name, @key) ON CONFLICT DO NOTHING",
            c => c.Text("id", timer.TimerId).Text("case", timer.CaseId).Instant("due", timer.Due).Text("kind", timer.Kind.ToString())
                .Text("name", timer.EventName).Text("key", timer.EventKey));
    }

    /// <summary>starts_with matches the prefix literally: no LIKE wildcards to escape.</summary>
    public void CancelTimers(string caseId, string prefix) =>
        Execute(
            "UPDATE ov_timers SET fired = true WHERE case_id = @case AND NOT fired AND starts_with(timer_id, @prefix)",
            c => c.Text("case", caseId).Text("prefix", prefix));

    /// <summary>See <see cref="ICaseTransaction.MarkPurged"/>: the guarded update decides (and locks the row), so a second run changes nothing.</summary>
    public bool MarkPurged(string caseId, DateTimeOffset at)
    {
        if (Execute(
                "UPDATE ov_cases SET purged_at = @at WHERE case_id = @id AND purged_at IS NULL AND closed_at IS NOT NULL",
                c => c.Instant("at", at).Text("id", caseId)) == 0)
        {
            return false;
        }

        CancelTimers(caseId, "");
        Execute("DELETE FROM ov_evidence_requests WHERE case_id = @id", c => c.Text("id", caseId));
        return true;
    }

    /// <summary>
    /// The first claim on the key wins. With <paramref name="onlyWhileOpen"/>, the case's row is read FOR SHARE: a
    /// concurrent close on another node is waited for and then seen, so a claim never lands on a case closed meanwhile.
    /// </summary>
    public bool TryClaim(string eventName, string eventKey, string caseId, string actor, DateTimeOffset at, bool onlyWhileOpen) =>
        Execute(
            """
            INSERT INTO ov_claims (event_name, event_key, case_id, actor, at)
            SELECT @name, @key, @case, @actor, @at
            WHERE @any_state OR EXISTS (SELECT 1 FROM ov_cases WHERE case_id = @case AND closed_at IS NULL FOR SHARE)
            ON CONFLICT DO NOTHING
            """,
            c => c.Text("name", eventName).Text("key", eventKey).Text("case", caseId).Text("actor", actor).Instant("at", at).Bool("any_state", !onlyWhileOpen)) == 1;

    /// <summary>A command on this transaction (the engine's store writes its own rows through it).</summary>
    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

    /// <summary>One statement on this transaction; the number of rows it changed.</summary>
    public int Execute(string sql, Action<NpgsqlCommand> bind)
    {
        using var command = Command(sql);
        bind(command);
        return command.ExecuteNonQuery();
    }
}
