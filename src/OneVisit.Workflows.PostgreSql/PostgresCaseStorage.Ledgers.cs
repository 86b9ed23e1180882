using System.Data.Common;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Visits;
using static OneVisit.Workflows.PostgreSql.PostgresValues;

namespace OneVisit.Workflows.PostgreSql;

/// <summary>The ledgers (<see cref="ILedgerStore"/>), durable timers (<see cref="ITimerStore"/>) and procedure versions (<see cref="IProcedureVersionStore"/>).</summary>
internal sealed partial class PostgresCaseStorage
{
    /// <summary>Records a visit and its audit line in one transaction.</summary>
    public Task RecordVisitAsync(string visitKey, VisitRecord visit, AuditEntry audit, CancellationToken cancellationToken) =>
        WriteAsync(
            t =>
            {
                t.RecordVisit(visitKey, visit);
                t.AppendAudit(visitKey, audit);
                return true;
            },
            cancellationToken);

    public Task<List<VisitRecord>> VisitsOfCaseAsync(string caseId, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT case_id, applicant_id, at, purpose, window_id FROM ov_visits WHERE case_id = @v ORDER BY at, visit_key",
            c => c.Text("v", caseId), ReadVisit, cancellationToken);

    public Task<List<VisitRecord>> VisitsOfApplicantAsync(string applicantId, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT case_id, applicant_id, at, purpose, window_id FROM ov_visits WHERE applicant_id = @v ORDER BY at, visit_key",
            c => c.Text("v", applicantId), ReadVisit, cancellationToken);

    private static VisitRecord ReadVisit(DbDataReader r) => new(r.GetString(0), r.GetString(1), Instant(r, 2), r.GetString(3), NullableString(r, 4));

    public Task<List<CommitmentEntry>> CommitmentsOfCaseAsync(string caseId, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT case_id, material_id, kind, due_on, recorded_at FROM ov_commitments WHERE case_id = @v ORDER BY due_on, case_id, material_id",
            c => c.Text("v", caseId), ReadCommitment, cancellationToken);

    public Task<List<CommitmentEntry>> CommitmentsDueByAsync(DateOnly date, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT case_id, material_id, kind, due_on, recorded_at FROM ov_commitments WHERE due_on <= @v ORDER BY due_on, case_id, material_id",
            c => c.Date("v", date), ReadCommitment, cancellationToken);

    private static CommitmentEntry ReadCommitment(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), Enum.Parse<CommitmentKind>(r.GetString(2)), r.GetFieldValue<DateOnly>(3), Instant(r, 4));

    public Task<List<TimerRow>> PendingTimersAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT timer_id, case_id, due, kind, event_name, event_key FROM ov_timers WHERE NOT fired ORDER BY due, timer_id",
            NoParameters,
            ReadTimer,
            cancellationToken);

    private static TimerRow ReadTimer(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), Instant(r, 2), TimerKind.Parse(r.GetString(3)), NullableString(r, 4), NullableString(r, 5));

    public Task MarkTimerFiredAsync(string timerId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE ov_timers SET fired = true WHERE timer_id = @id", c => c.Text("id", timerId), cancellationToken);

    public Task<List<TimerRow>> DueTimersAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT timer_id, case_id, due, kind, event_name, event_key FROM ov_timers WHERE NOT fired AND due < @before ORDER BY due, timer_id",
            c => c.Instant("before", before),
            ReadTimer,
            cancellationToken);

    /// <summary>
    /// Claims a pending timer for this node unless a live node claimed it first; a claim outlives its node only by the
    /// lease, and this node's own earlier claim (a retry after a failed firing) stands.
    /// </summary>
    public async Task<bool> ClaimTimerAsync(string timerId, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            $"""
            UPDATE ov_timers t SET claimed_by = @node
            WHERE timer_id = @id AND NOT fired
              AND (@node IS NULL OR t.claimed_by IS NULL OR t.claimed_by = @node OR NOT {Hosting.PostgresNode.Alive("t.claimed_by")})
            """,
            c =>
            {
                c.Text("id", timerId);
                BindNode(c);
            },
            cancellationToken).ConfigureAwait(false) == 1;

    public Task SaveTermsAsync(string code, int version, string terms, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO ov_procedure_versions (code, version, terms) VALUES (@code, @version, @terms) ON CONFLICT DO NOTHING",
            c => c.Text("code", code).Int("version", version).Text("terms", terms),
            cancellationToken);

    public Task<List<string>> AllTermsAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT terms FROM ov_procedure_versions ORDER BY code, version", NoParameters, r => r.GetString(0), cancellationToken);
}
