using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Storage;
using static OneVisit.Workflows.Persistence.Sqlite.SqliteValues;

namespace OneVisit.Workflows.Persistence.Sqlite;

internal sealed partial class SqliteCaseStore
{
    private const string CaseColumns =
        "case_id, workflow_id, idempotency_key, request_hash, procedure_code, procedure_version, applicant_id, stage, outcome, authority_id, submitted_at, closed_at, kind, bundle_case_id, purged_at";

    public async Task<CaseRow?> TryInsertCaseAsync(CaseRow row, CancellationToken cancellationToken)
    {
        var inserted = await ExecuteAsync(
            $"INSERT INTO ov_cases ({CaseColumns}, application) VALUES ($id, $wf, $key, $hash, $code, $version, $applicant, $stage, $outcome, $authority, $at, $closed, $kind, $bundle, NULL, $application) ON CONFLICT (idempotency_key) DO NOTHING",
            c => c.With("$id", row.CaseId).With("$wf", row.WorkflowId).With("$key", row.IdempotencyKey).With("$hash", row.RequestHash)
                .With("$code", row.ProcedureCode).With("$version", row.ProcedureVersion).With("$applicant", row.ApplicantId)
                .With("$stage", row.Stage).With("$outcome", row.Outcome).With("$authority", row.AuthorityId).With("$at", ToDb(row.SubmittedAt))
                .With("$closed", row.ClosedAt is { } closedAt ? ToDb(closedAt) : null)
                .With("$kind", row.IsBundle ? BundleKind : CaseKind).With("$bundle", row.BundleCaseId).With("$application", row.Application),
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

    public Task<List<CaseRow>> PurgeableCasesAsync(DateTimeOffset closedBefore, (DateTimeOffset ClosedAt, string CaseId)? after, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            // Driven by ov_cases_purgeable (closed, not purged); the bundle checks go through ov_cases_bundle.
            $"""
            SELECT {CaseColumns} FROM ov_cases c INDEXED BY ov_cases_purgeable
            WHERE c.purged_at IS NULL AND c.closed_at IS NOT NULL AND c.closed_at < $before
              AND ($after_at IS NULL OR c.closed_at > $after_at OR (c.closed_at = $after_at AND c.case_id > $after_id))
              AND (c.bundle_case_id IS NULL
                   OR NOT EXISTS (SELECT 1 FROM ov_cases b WHERE b.case_id = c.bundle_case_id AND b.purged_at IS NULL))
              AND (c.kind <> '{BundleKind}'
                   OR NOT EXISTS (SELECT 1 FROM ov_cases m WHERE m.bundle_case_id = c.case_id AND m.closed_at IS NULL))
            ORDER BY c.closed_at, c.case_id LIMIT $limit
            """,
            c => c.With("$before", ToDb(closedBefore)).With("$limit", limit)
                .With("$after_at", after is { } a ? ToDb(a.ClosedAt) : null).With("$after_id", after?.CaseId),
            ReadCase,
            cancellationToken);

    public Task<List<CaseRow>> HistoryAsync(HistoryFilter filter, (DateTimeOffset SubmittedAt, string CaseId)? after, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            // Driven by ov_cases_submitted; codes and authorities go as JSON array parameters, as in ListCasesAsync.
            $"""
            SELECT {CaseColumns}, application FROM ov_cases
            WHERE submitted_at >= $from AND submitted_at < $before AND bundle_case_id IS NULL
              AND ($after_at IS NULL OR submitted_at > $after_at OR (submitted_at = $after_at AND case_id > $after_id))
              AND ($codes IS NULL OR procedure_code IN (SELECT value FROM json_each($codes)))
              AND ($authorities IS NULL OR authority_id IN (SELECT value FROM json_each($authorities)))
              AND (workflow_id IS NOT NULL OR EXISTS (SELECT 1 FROM wf_instances WHERE reference = ov_cases.case_id))
            ORDER BY submitted_at, case_id LIMIT $limit
            """,
            c => c.With("$from", ToDb(filter.From)).With("$before", ToDb(filter.Before)).With("$limit", limit)
                .With("$after_at", after is { } a ? ToDb(a.SubmittedAt) : null).With("$after_id", after?.CaseId)
                .With("$codes", JsonList(filter.Codes)).With("$authorities", JsonList(filter.AuthorityIds)),
            r => ReadCase(r) with { Application = NullableString(r, 15) },
            cancellationToken);

    private static string? JsonList(IReadOnlyCollection<string>? values) =>
        values is null ? null : System.Text.Json.JsonSerializer.Serialize(values, Cases.Internal.CaseJson.Default.IReadOnlyCollectionString);

    public Task<List<CaseRow>> OpenCasesOfProcedureAsync(string code, string? after, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            SELECT {CaseColumns}, application FROM ov_cases
            WHERE procedure_code = $code AND kind = '{CaseKind}' AND closed_at IS NULL AND ($after IS NULL OR case_id > $after)
              AND (workflow_id IS NOT NULL OR EXISTS (SELECT 1 FROM wf_instances WHERE reference = ov_cases.case_id))
            ORDER BY case_id LIMIT $limit
            """,
            c => c.With("$code", code).With("$after", after).With("$limit", limit),
            r => ReadCase(r) with { Application = NullableString(r, 15) },
            cancellationToken);

    public Task<List<CaseRow>> MembersOfBundleAsync(string bundleCaseId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {CaseColumns} FROM ov_cases WHERE bundle_case_id = $bundle ORDER BY case_id", c => c.With("$bundle", bundleCaseId), ReadCase, cancellationToken);

    /// <summary>See <see cref="ICaseTransaction.MarkPurged"/>: the guarded update decides, so a second run changes nothing.</summary>
    internal static bool MarkPurged(SqliteTransaction transaction, string caseId, DateTimeOffset at)
    {
        if (Execute(
                transaction,
                "UPDATE ov_cases SET purged_at = $at, application = NULL WHERE case_id = $id AND purged_at IS NULL AND closed_at IS NOT NULL",
                c => c.With("$at", ToDb(at)).With("$id", caseId)) == 0)
        {
            return false;
        }

        CancelTimers(transaction, caseId, "");
        Execute(transaction, "DELETE FROM ov_evidence_requests WHERE case_id = $id", c => c.With("$id", caseId));
        return true;
    }

    private static CaseRow ReadCase(SqliteDataReader r) => new(
        r.GetString(0), NullableString(r, 1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetString(6),
        r.GetString(7), NullableString(r, 8), r.GetString(9), Instant(r, 10), NullableInstant(r, 11))
    {
        IsBundle = r.GetString(12) == BundleKind,
        BundleCaseId = NullableString(r, 13),
        PurgedAt = NullableInstant(r, 14),
    };

    private const string CaseKind = "case";
    private const string BundleKind = "bundle";
}
