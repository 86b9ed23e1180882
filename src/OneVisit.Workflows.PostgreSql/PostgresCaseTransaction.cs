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
/// (<see cref="ICaseTransaction"/>), so the statements whose answer the caller needs (a claim, a lock, a chain's head)
/// run synchronously on the transaction's connection, as they are called. The writes nothing in the transaction reads
/// back (stage, timers, ledgers, audit lines, the workflow's own rows) are <see cref="Defer">deferred</see>: they go to
/// the server together, as one asynchronous batch, just before the commit (<see cref="RunAsync"/>), so a save costs a
/// round trip for its writes instead of one per statement. A statement that needs an answer first sends, one by one, the
/// writes deferred before it, so every statement still sees the writes made before it in the transaction. WorkflowCore's
/// store on PostgreSQL (Engine/PostgresWorkflowStore) writes its own rows through this class on the same transaction.
/// </summary>
internal sealed partial class PostgresCaseTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditSeal seal, bool deferWrites = true) : ICaseTransaction
{
    /// <summary>
    /// The first key of the advisory lock (two-int key space) that serialises appends to one case's audit chain; the
    /// second is <c>hashtext(case_id)</c>. Two cases whose ids hash alike merely wait for each other.
    /// </summary>
    public const int AuditChainLock = 0x4F56_4143; // "OVAC"

    // ON CONFLICT answers the idempotency check: a key already used inserts nothing and changes no row (0 affected).
    private const string InsertAudit =
        "INSERT INTO ov_audit (entry_key, case_id, subject_id, at, actor, action, detail, data_requested, purpose, chain_index, hash, mac) "
        + "VALUES (@key, @case, @subject, @at, @actor, @action, @detail, @data, @purpose, @index, @hash, @mac) ON CONFLICT (entry_key) DO NOTHING";

    private const string LockChain = "SELECT pg_advisory_xact_lock(@lock, hashtext(@case))";

    // Tries the chain's lock and reads its last line (through the unique index ov_audit_chain) in one statement.
    private const string TryLockChainAndReadHead =
        "SELECT pg_try_advisory_xact_lock(@lock, hashtext(@case)), h.chain_index, h.hash FROM (SELECT 1) AS one "
        + "LEFT JOIN LATERAL (SELECT chain_index, hash FROM ov_audit WHERE case_id = @case ORDER BY chain_index DESC LIMIT 1) AS h ON true";

    /// <summary>The unique constraint on (case_id, chain_index): two lines can never take one position of a chain.</summary>
    private const string ChainPositionConstraint = "ov_audit_chain";

    /// <summary>How many times a transaction runs again for a busy chain or a repeated line before it gives up.</summary>
    private const int MostRuns = 8;

    /// <summary>
    /// The next position and the previous hash of each case this transaction has appended to. Valid until the
    /// transaction ends: the case's advisory lock, taken with the head's read, is held until then, so no other
    /// transaction can append to the chain meanwhile (a head read too early is caught at the commit, see
    /// <see cref="LockAndReadHead"/>), and every append of this one goes through <see cref="AppendAudit"/>.
    /// A transaction is one thread's (the port is synchronous), so a plain dictionary does.
    /// </summary>
    private readonly Dictionary<string, (long Next, string? Previous)> _chainHeads = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction of its own on a pooled connection of <paramref name="dataSource"/>:
    /// committed whole, or rolled back when it throws. The case store and the engine's store both write through this,
    /// so a case step's rows and the engine's rows can share one transaction. The deferred writes are sent as one batch
    /// before the commit.
    /// </summary>
    /// <remarks>
    /// Two outcomes roll the transaction back and run <paramref name="write"/> again (it only calls this transaction, so
    /// a second run writes the same rows):
    /// <list type="bullet">
    /// <item>an audit chain another transaction holds (see <see cref="LockAndReadHead"/>): the next run first waits for
    /// that chain's lock asynchronously, so no thread is blocked while it waits;</item>
    /// <item>an audit line that was stored already (a step run again) with a later line of its case chained after it in
    /// the same batch (see <see cref="AppendAudit"/>): the next run sends each write as it is made.</item>
    /// </list>
    /// </remarks>
    public static async Task<T> RunAsync<T>(NpgsqlDataSource dataSource, AuditSeal seal, Func<PostgresCaseTransaction, T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(write);
        var deferWrites = true;
        var chainsFirst = new List<string>();
        for (var run = 1; ; run++)
        {
            try
            {
                return await RunOnceAsync(dataSource, seal, write, deferWrites, chainsFirst, cancellationToken).ConfigureAwait(false);
            }
            catch (ChainHeadMovedException) when (run < MostRuns)
            {
                deferWrites = false;
            }
            catch (ChainBusyException busy) when (run < MostRuns)
            {
                chainsFirst.AddRange(busy.CaseIds.Except(chainsFirst, StringComparer.Ordinal));
            }
        }
    }

    private static async Task<T> RunOnceAsync<T>(
        NpgsqlDataSource dataSource, AuditSeal seal, Func<PostgresCaseTransaction, T> write, bool deferWrites, List<string> chainsFirst, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var caseId in chainsFirst)
                {
                    var wait = new NpgsqlCommand(LockChain, connection, transaction).Int("lock", AuditChainLock).Text("case", caseId);
                    await using (wait.ConfigureAwait(false))
                    {
                        await wait.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                var session = new PostgresCaseTransaction(connection, transaction, seal, deferWrites);
                try
                {
                    var result = write(session);
                    await session.SendDeferredAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return result;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == ChainPositionConstraint)
                {
                    // A line took the position this transaction read as free: its head was read in the same statement as
                    // its lock, whose snapshot can predate the commit of the previous holder (see LockAndReadHead).
                    throw new ChainBusyException([.. session._chainHeads.Keys], e);
                }
            }
        }
    }

    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    /// <summary>
    /// Appends the line as the next of its case's chain. The case's advisory lock, held until this transaction ends,
    /// makes "read the chain's last line, then insert after it" one step across every node: a second appender finds
    /// it held, and runs again once it may append (see <see cref="RunAsync"/>). The first line of a case in this
    /// transaction takes the lock and reads the head (<see cref="LockAndReadHead"/>); later lines of the same case reuse
    /// the head this transaction keeps, so they cost nothing until the batch is sent. A key already used inserts
    /// nothing, and then the kept head does not move: the chain neither forks nor grows.
    /// </summary>
    public void AppendAudit(string entryKey, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_chainHeads.TryGetValue(entry.CaseId, out var head))
        {
            head = LockAndReadHead(entry.CaseId);
        }

        // The head moves now, before the insert is sent, so the next line of the case chains after this one. The insert
        // reports back when it is sent: a key already stored inserted nothing, and then the head goes back (when this
        // was the case's last line so far) or, when a later line was already chained after it, the transaction is run
        // again with each write sent at once (ChainHeadMovedException, caught by RunAsync). A step runs again only after
        // a crash or a lost lock, so the second run is rare.
        var caseId = entry.CaseId;
        var hash = AuditSeal.Hash(entry, head.Next, head.Previous);
        _chainHeads[caseId] = (head.Next + 1, hash);
        Defer(
            InsertAudit,
            c => c.Text("key", entryKey).Text("case", caseId).Text("subject", entry.SubjectId).Instant("at", entry.At)
                .Text("actor", entry.Actor).Text("action", entry.Action).Text("detail", entry.Detail).Text("data", entry.DataRequested)
                .Text("purpose", entry.Purpose).Long("index", head.Next).Text("hash", hash).Text("mac", seal.Mac(hash)),
            inserted =>
            {
                if (inserted == 0)
                {
                    ForgetLine(caseId, head);
                }
            });
    }

    /// <summary>An audit line that inserted nothing (its key was stored before): the chain's head is what it was before it.</summary>
    private void ForgetLine(string caseId, (long Next, string? Previous) before)
    {
        if (_chainHeads[caseId].Next != before.Next + 1)
        {
            throw new ChainHeadMovedException(caseId);
        }

        _chainHeads[caseId] = before;
    }

    /// <summary>
    /// Tries the case's chain lock and reads the chain's head, in one statement. Tried, not waited for: this port is
    /// synchronous, and a thread blocked here while the holder's transaction needed a thread-pool thread to send its
    /// writes and commit (they are asynchronous) starved the pool under contention (the four-node append test stalled).
    /// A chain held elsewhere ends this run instead (<see cref="ChainBusyException"/>): <see cref="RunAsync"/> rolls
    /// back, waits for the lock without blocking a thread, and runs the transaction again, which then holds it.
    /// <para>
    /// One statement has one snapshot (READ COMMITTED), taken before the lock is tried: when the previous holder
    /// committed between the two, the head read here misses its last line. The line this transaction then writes at
    /// that position breaks the unique constraint on (case, position), the transaction fails before its commit, and
    /// <see cref="RunAsync"/> runs it again with the lock taken first, in a statement of its own. The chain can
    /// therefore never fork, and the common case costs one round trip. Only the first line of a case in a transaction
    /// pays it; later lines reuse the kept head.
    /// </para>
    /// </summary>
    private (long Next, string? Previous) LockAndReadHead(string caseId)
    {
        // It does not depend on a deferred write: the lock is the case's alone, and a case whose head this transaction
        // keeps never reads it again. So it goes at once, without sending the deferred writes first.
        using var head = new NpgsqlCommand(TryLockChainAndReadHead, Connection, Transaction).Int("lock", AuditChainLock).Text("case", caseId);
        using var reader = head.ExecuteReader();
        reader.Read();
        if (!reader.GetBoolean(0))
        {
            throw new ChainBusyException([caseId]);
        }

        return reader.IsDBNull(1) ? (0, null) : (reader.GetInt64(1) + 1, PostgresValues.NullableString(reader, 2));
    }

    public void UpdateStage(string caseId, string stage, string? outcome, string authorityId, DateTimeOffset? closedAt) =>
        Defer(
            "UPDATE ov_cases SET stage = @stage, outcome = @outcome, authority_id = @authority, closed_at = @closed WHERE case_id = @id",
            c => c.Text("stage", stage).Text("outcome", outcome).Text("authority", authorityId).Instant("closed", closedAt).Text("id", caseId));

    public void UpdateVersion(string caseId, int version) =>
        Defer("UPDATE ov_cases SET procedure_version = @version WHERE case_id = @id", c => c.Int("version", version).Text("id", caseId));

    public void RecordVisit(string visitKey, VisitRecord visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        Defer(
            "INSERT INTO ov_visits (visit_key, case_id, applicant_id, at, purpose, window_id) VALUES (@key, @case, @applicant, @at, @purpose, @window) ON CONFLICT (visit_key) DO NOTHING",
            c => c.Text("key", visitKey).Text("case", visit.CaseId).Text("applicant", visit.ApplicantId).Instant("at", visit.At)
                .Text("purpose", visit.Purpose).Text("window", visit.WindowId));
    }

    public void AddCommitment(CommitmentEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Defer(
            "INSERT INTO ov_commitments (case_id, material_id, kind, due_on, recorded_at) VALUES (@case, @material, @kind, @due, @at) ON CONFLICT DO NOTHING",
            c => c.Text("case", entry.CaseId).Text("material", entry.MaterialId).Text("kind", entry.Kind.ToString())
                .Date("due", entry.DueOn).Instant("at", entry.RecordedAt));
    }

    /// <summary>The answer on its request's row, and the audit line that records it, keyed so a repeat writes nothing.</summary>
    public void SaveEvidenceAnswer(EvidenceRequest request, string materialId, EvidenceResponse response, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        Defer(
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
        Defer(
            "INSERT INTO ov_timers (timer_id, case_id, due, kind, event_name, event_key) VALUES (@id, @case, @due, @kind, @name, @key) ON CONFLICT DO NOTHING",
            c => c.Text("id", timer.TimerId).Text("case", timer.CaseId).Instant("due", timer.Due).Text("kind", timer.Kind.ToString())
                .Text("name", timer.EventName).Text("key", timer.EventKey));
    }

    /// <summary>starts_with matches the prefix literally: no LIKE wildcards to escape.</summary>
    public void CancelTimers(string caseId, string prefix) =>
        Defer(
            "UPDATE ov_timers SET fired = true WHERE case_id = @case AND NOT fired AND starts_with(timer_id, @prefix)",
            c => c.Text("case", caseId).Text("prefix", prefix));

    /// <summary>See <see cref="ICaseTransaction.MarkPurged"/>: the guarded update decides (and locks the row), so a second run changes nothing.</summary>
    public bool MarkPurged(string caseId, DateTimeOffset at)
    {
        if (Execute(
                "UPDATE ov_cases SET purged_at = @at, application = NULL WHERE case_id = @id AND purged_at IS NULL AND closed_at IS NOT NULL",
                c => c.Instant("at", at).Text("id", caseId)) == 0)
        {
            return false;
        }

        CancelTimers(caseId, "");
        Defer("DELETE FROM ov_evidence_requests WHERE case_id = @id", c => c.Text("id", caseId));
        return true;
    }

    /// <summary>
    /// The first claim on the key wins. With <paramref name="onlyWhileOpen"/>, the case's row is read FOR SHARE: a
    /// concurrent close on another node is waited for and then seen, so a claim never lands on a case closed meanwhile.
    /// </summary>
    public bool TryClaim(string eventName, string eventKey, string caseId, string actor, DateTimeOffset at, bool onlyWhileOpen) =>
        Execute(InsertClaim, ClaimValues(eventName, eventKey, caseId, actor, at, onlyWhileOpen)) == 1;

    /// <summary>The claim of <see cref="TryClaim"/> in any state, deferred: nothing reads its answer.</summary>
    public void Claim(string eventName, string eventKey, string caseId, string actor, DateTimeOffset at) =>
        Defer(InsertClaim, ClaimValues(eventName, eventKey, caseId, actor, at, onlyWhileOpen: false));

    private const string InsertClaim = """
        INSERT INTO ov_claims (event_name, event_key, case_id, actor, at)
        SELECT @name, @key, @case, @actor, @at
        WHERE @any_state OR EXISTS (SELECT 1 FROM ov_cases WHERE case_id = @case AND closed_at IS NULL FOR SHARE)
        ON CONFLICT DO NOTHING
        """;

    private static Action<NpgsqlCommand> ClaimValues(string eventName, string eventKey, string caseId, string actor, DateTimeOffset at, bool onlyWhileOpen) =>
        c => c.Text("name", eventName).Text("key", eventKey).Text("case", caseId).Text("actor", actor).Instant("at", at).Bool("any_state", !onlyWhileOpen);

    /// <summary>
    /// A command on this transaction, for a statement whose answer the caller reads: the writes deferred so far are sent
    /// first, so it sees them.
    /// </summary>
    public NpgsqlCommand Command(string sql)
    {
        SendDeferred();
        return new(sql, Connection, Transaction);
    }

    /// <summary>One statement on this transaction, sent now (after the writes deferred so far); the number of rows it changed.</summary>
    public int Execute(string sql, Action<NpgsqlCommand> bind)
    {
        using var command = Command(sql);
        bind(command);
        return command.ExecuteNonQuery();
    }
}
