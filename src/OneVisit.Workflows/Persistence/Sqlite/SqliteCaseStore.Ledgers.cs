using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Visits;
using OneVisit.Workflows.Storage;
using static OneVisit.Workflows.Persistence.Sqlite.SqliteValues;

namespace OneVisit.Workflows.Persistence.Sqlite;

internal sealed partial class SqliteCaseStore
{
    private const string InsertVisit =
        "INSERT INTO ov_visits (visit_key, case_id, applicant_id, at, purpose, window_id) VALUES ($key, $case, $applicant, $at, $purpose, $window) ON CONFLICT (visit_key) DO NOTHING";

    /// <summary>Records a visit and its audit line in one transaction.</summary>
    public Task RecordVisitAsync(string visitKey, VisitRecord visit, AuditEntry audit, CancellationToken cancellationToken) =>
        database.WriteAsync(
            transaction =>
            {
                Execute(transaction, InsertVisit, c => BindVisit(c, visitKey, visit));
                AppendAudit(transaction, database.Options.AuditSeal, visitKey, audit);
                return true;
            },
            cancellationToken);

    internal static void RecordVisit(SqliteTransaction transaction, string visitKey, VisitRecord visit) =>
        Execute(transaction, InsertVisit, c => BindVisit(c, visitKey, visit));

    private static void BindVisit(SqliteCommand c, string visitKey, VisitRecord visit) =>
        c.With("$key", visitKey).With("$case", visit.CaseId).With("$applicant", visit.ApplicantId).With("$at", ToDb(visit.At))
            .With("$purpose", visit.Purpose).With("$window", visit.WindowId);

    public Task<List<VisitRecord>> VisitsOfCaseAsync(string caseId, CancellationToken cancellationToken) => VisitsAsync("case_id", caseId, cancellationToken);

    public Task<List<VisitRecord>> VisitsOfApplicantAsync(string applicantId, CancellationToken cancellationToken) => VisitsAsync("applicant_id", applicantId, cancellationToken);

    private Task<List<VisitRecord>> VisitsAsync(string column, string value, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT case_id, applicant_id, at, purpose, window_id FROM ov_visits WHERE {column} = $v ORDER BY at",
            c => c.With("$v", value),
            r => new VisitRecord(r.GetString(0), r.GetString(1), Instant(r, 2), r.GetString(3), NullableString(r, 4)),
            cancellationToken);

    internal static void AddCommitment(SqliteTransaction transaction, CommitmentEntry entry) =>
        Execute(
            transaction,
            "INSERT INTO ov_commitments (case_id, material_id, kind, due_on, recorded_at) VALUES ($case, $material, $kind, $due, $at) ON CONFLICT DO NOTHING",
            c => c.With("$case", entry.CaseId).With("$material", entry.MaterialId).With("$kind", entry.Kind.ToString())
                .With("$due", entry.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).With("$at", ToDb(entry.RecordedAt)));

    public Task<List<CommitmentEntry>> CommitmentsOfCaseAsync(string caseId, CancellationToken cancellationToken) =>
        CommitmentsAsync("case_id = $v", caseId, cancellationToken);

    public Task<List<CommitmentEntry>> CommitmentsDueByAsync(DateOnly date, CancellationToken cancellationToken) =>
        CommitmentsAsync("due_on <= $v", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    private Task<List<CommitmentEntry>> CommitmentsAsync(string where, object value, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT case_id, material_id, kind, due_on, recorded_at FROM ov_commitments WHERE {where} ORDER BY due_on, case_id, material_id",
            c => c.With("$v", value),
            ReadCommitment,
            cancellationToken);

    private static CommitmentEntry ReadCommitment(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), Enum.Parse<CommitmentKind>(r.GetString(2)),
        DateOnly.ParseExact(r.GetString(3), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Instant(r, 4));
}
