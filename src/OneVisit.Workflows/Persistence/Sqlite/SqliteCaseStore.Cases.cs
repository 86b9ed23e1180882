using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Storage;
using static OneVisit.Workflows.Persistence.Sqlite.SqliteValues;

namespace OneVisit.Workflows.Persistence.Sqlite;

internal sealed partial class SqliteCaseStore
{
    private const string CaseColumns =
        "case_id, workflow_id, idempotency_key, request_hash, procedure_code, procedure_version, applicant_id, stage, outcome, authority_id, submitted_at, closed_at, kind, bundle_case_id";

    public async Task<CaseRow?> TryInsertCaseAsync(CaseRow row, CancellationToken cancellationToken)
    {
        var inserted = await ExecuteAsync(
            $"INSERT INTO ov_cases ({CaseColumns}) VALUES ($id, $wf, $key, $hash, $code, $version, $applicant, $stage, $outcome, $authority, $at, $closed, $kind, $bundle) ON CONFLICT (idempotency_key) DO NOTHING",
            c => c.With("$id", row.CaseId).With("$wf", row.WorkflowId).With("$key", row.IdempotencyKey).With("$hash", row.RequestHash)
                .With("$code", row.ProcedureCode).With("$version", row.ProcedureVersion).With("$applicant", row.ApplicantId)
                .With("$stage", row.Stage).With("$outcome", row.Outcome).With("$authority", row.AuthorityId).With("$at", ToDb(row.SubmittedAt))
                .With("$closed", row.ClosedAt is { } closedAt ? ToDb(closedAt) : null)
                .With("$kind", row.IsBundle ? BundleKind : CaseKind).With("$bundle", row.BundleCaseId),
            cancellationToken).ConfigureAwait(false);
        if (inserted == 1)
        {
            return null;
        }

        var existing = await QueryAsync($"SELECT {CaseColumns} FROM ov_cases WHERE idempotency_key = $key", c => c.With("$key", row.IdempotencyKey), ReadCase, cancellationToken).ConfigureAwait(false);
        return existing[0];
    }

    public Task SetWorkflowAsync(string caseId, string workflowId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE ov_cases SET workflow_id = $wf WHERE case_id = $id", c => c.With("$wf", workflowId).With("$id", caseId), cancellationToken);

    internal static void UpdateStage(SqliteTransaction transaction, string caseId, string stage, string? outcome, string authorityId, DateTimeOffset? closedAt) =>
        Execute(
            transaction,
            "UPDATE ov_cases SET stage = $stage, outcome = $outcome, authority_id = $authority, closed_at = $closed WHERE case_id = $id",
            c => c.With("$stage", stage).With("$outcome", outcome).With("$authority", authorityId).With("$closed", closedAt is { } at ? ToDb(at) : null).With("$id", caseId));

    public async Task<CaseRow?> FindCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT {CaseColumns} FROM ov_cases WHERE case_id = $id", c => c.With("$id", caseId), ReadCase, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<List<CaseRow>> ListCasesAsync(string? applicantId, IReadOnlyCollection<string>? authorityIds, bool openOnly, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            // A case whose workflow never started is not a case (a submission that failed or is still starting).
            $"""
            SELECT {CaseColumns} FROM ov_cases
            WHERE ($applicant IS NULL OR applicant_id = $applicant) AND ($open = 0 OR closed_at IS NULL)
              AND ($authorities IS NULL OR authority_id IN (SELECT value FROM json_each($authorities)))
              AND (workflow_id IS NOT NULL OR EXISTS (SELECT 1 FROM wf_instances WHERE reference = ov_cases.case_id))
            ORDER BY submitted_at DESC, case_id LIMIT $limit
            """,
            // The authorities go as one JSON array parameter: still no SQL built from values.
            c => c.With("$applicant", applicantId).With("$authorities", authorityIds is null ? null : System.Text.Json.JsonSerializer.Serialize(authorityIds, Cases.Internal.CaseJson.Default.IReadOnlyCollectionString))
                .With("$open", openOnly ? 1 : 0).With("$limit", limit),
            ReadCase,
            cancellationToken);

    public async Task<bool> DeleteUnstartedCaseAsync(string caseId, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "DELETE FROM ov_cases WHERE case_id = $id AND workflow_id IS NULL AND NOT EXISTS (SELECT 1 FROM wf_instances WHERE reference = $id)",
            c => c.With("$id", caseId),
            cancellationToken).ConfigureAwait(false) == 1;

    public Task<List<CaseRow>> CasesWithoutWorkflowAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {CaseColumns} FROM ov_cases WHERE workflow_id IS NULL", _ => { }, ReadCase, cancellationToken);

    private static CaseRow ReadCase(SqliteDataReader r) => new(
        r.GetString(0), NullableString(r, 1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetString(6),
        r.GetString(7), NullableString(r, 8), r.GetString(9), Instant(r, 10), NullableInstant(r, 11))
    {
        IsBundle = r.GetString(12) == BundleKind,
        BundleCaseId = NullableString(r, 13),
    };

    private const string CaseKind = "case";
    private const string BundleKind = "bundle";
}
