using System.Data.Common;
using System.Text.Json;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Storage;
using static OneVisit.Workflows.PostgreSql.PostgresValues;

namespace OneVisit.Workflows.PostgreSql;

/// <summary>The case index, evidence requests and claims (<see cref="ICaseStore"/>).</summary>
internal sealed partial class PostgresCaseStorage
{
    private const string CaseColumns =
        "case_id, workflow_id, idempotency_key, request_hash, procedure_code, procedure_version, applicant_id, stage, outcome, authority_id, submitted_at, closed_at, kind, bundle_case_id, purged_at";

    /// <summary>Started: linked to its workflow (until the engine's tables exist, the only sign there is).</summary>
    private const string StartedByLink = "(workflow_id IS NOT NULL)";

    /// <summary>Started: linked, or the engine holds a workflow whose reference is the case (the host stopped before linking).</summary>
    private const string StartedWithEngine = "(workflow_id IS NOT NULL OR EXISTS (SELECT 1 FROM wf_instances w WHERE w.reference = ov_cases.case_id))";

    private const string CaseKind = "case";
    private const string BundleKind = "bundle";

    public async Task<CaseRow?> TryInsertCaseAsync(CaseRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        while (true)
        {
            // A concurrent insert of the same key (another node) is waited for, then this one does nothing.
            var inserted = await ExecuteAsync(
                $"INSERT INTO ov_cases ({CaseColumns}, application) VALUES (@id, @wf, @key, @hash, @code, @version, @applicant, @stage, @outcome, @authority, @at, @closed, @kind, @bundle, NULL, @application) ON CONFLICT (idempotency_key) DO NOTHING",
                c => c.Text("id", row.CaseId).Text("wf", row.WorkflowId).Text("key", row.IdempotencyKey).Text("hash", row.RequestHash)
                    .Text("code", row.ProcedureCode).Int("version", row.ProcedureVersion).Text("applicant", row.ApplicantId)
                    .Text("stage", row.Stage).Text("outcome", row.Outcome).Text("authority", row.AuthorityId).Instant("at", row.SubmittedAt)
                    .Instant("closed", row.ClosedAt).Text("kind", row.IsBundle ? BundleKind : CaseKind).Text("bundle", row.BundleCaseId).Text("application", row.Application),
                cancellationToken).ConfigureAwait(false);
            if (inserted == 1)
            {
                return null;
            }

            var existing = await QueryAsync($"SELECT {CaseColumns} FROM ov_cases WHERE idempotency_key = @key", c => c.Text("key", row.IdempotencyKey), ReadCase, cancellationToken).ConfigureAwait(false);
            if (existing.Count == 1)
            {
                return existing[0];
            }

            // The holder of the key was an unstarted case deleted in between: the key is free again, try once more.
        }
    }

    public Task SetWorkflowAsync(string caseId, string workflowId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE ov_cases SET workflow_id = @wf WHERE case_id = @id", c => c.Text("wf", workflowId).Text("id", caseId), cancellationToken);

    public async Task<CaseRow?> FindCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT {CaseColumns} FROM ov_cases WHERE case_id = @id", c => c.Text("id", caseId), ReadCase, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<List<CaseRow>> ListCasesAsync(string? applicantId, IReadOnlyCollection<string>? authorityIds, bool openOnly, int limit, CancellationToken cancellationToken)
    {
        var started = await EngineTablesExistAsync(cancellationToken).ConfigureAwait(false) ? StartedWithEngine : StartedByLink;
        return await QueryAsync(
            // A case whose workflow never started is not a case (a submission that failed or is still starting).
            // The authorities go as one text[] parameter: still no SQL built from values.
            $"""
            SELECT {CaseColumns} FROM ov_cases
            WHERE (@applicant IS NULL OR applicant_id = @applicant) AND (NOT @open OR closed_at IS NULL)
              AND (@authorities IS NULL OR authority_id = ANY (@authorities))
              AND {started}
            ORDER BY submitted_at DESC, case_id LIMIT @limit
            """,
            c => c.Text("applicant", applicantId).TextArray("authorities", authorityIds).Bool("open", openOnly).Int("limit", limit),
            ReadCase,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteUnstartedCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        var started = await EngineTablesExistAsync(cancellationToken).ConfigureAwait(false) ? StartedWithEngine : StartedByLink;
        return await ExecuteAsync($"DELETE FROM ov_cases WHERE case_id = @id AND NOT {started}", c => c.Text("id", caseId), cancellationToken).ConfigureAwait(false) == 1;
    }

    public Task<List<CaseRow>> CasesWithoutWorkflowAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {CaseColumns} FROM ov_cases WHERE workflow_id IS NULL ORDER BY case_id", NoParameters, ReadCase, cancellationToken);

    public Task<List<CaseRow>> PurgeableCasesAsync(DateTimeOffset closedBefore, (DateTimeOffset ClosedAt, string CaseId)? after, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            // Driven by ov_cases_purgeable (closed, not purged); the bundle checks go through ov_cases_bundle.
            $"""
            SELECT {CaseColumns} FROM ov_cases c
            WHERE c.purged_at IS NULL AND c.closed_at IS NOT NULL AND c.closed_at < @before
              AND (@after_at IS NULL OR c.closed_at > @after_at OR (c.closed_at = @after_at AND c.case_id > @after_id))
              AND (c.bundle_case_id IS NULL
                   OR NOT EXISTS (SELECT 1 FROM ov_cases b WHERE b.case_id = c.bundle_case_id AND b.purged_at IS NULL))
              AND (c.kind <> '{BundleKind}'
                   OR NOT EXISTS (SELECT 1 FROM ov_cases m WHERE m.bundle_case_id = c.case_id AND m.closed_at IS NULL))
            ORDER BY c.closed_at, c.case_id LIMIT @limit
            """,
            c => c.Instant("before", closedBefore).Int("limit", limit).Instant("after_at", after?.ClosedAt).Text("after_id", after?.CaseId),
            ReadCase,
            cancellationToken);

    public async Task<List<CaseRow>> HistoryAsync(HistoryFilter filter, (DateTimeOffset SubmittedAt, string CaseId)? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var started = await EngineTablesExistAsync(cancellationToken).ConfigureAwait(false) ? StartedWithEngine : StartedByLink;
        return await QueryAsync(
            // Driven by ov_cases_submitted; codes and authorities go as text[] parameters.
            $"""
            SELECT {CaseColumns}, application FROM ov_cases
            WHERE submitted_at >= @from AND submitted_at < @before AND bundle_case_id IS NULL
              AND (@after_at IS NULL OR submitted_at > @after_at OR (submitted_at = @after_at AND case_id > @after_id))
              AND (@codes IS NULL OR procedure_code = ANY (@codes))
              AND (@authorities IS NULL OR authority_id = ANY (@authorities))
              AND {started}
            ORDER BY submitted_at, case_id LIMIT @limit
            """,
            c => c.Instant("from", filter.From).Instant("before", filter.Before).Int("limit", limit)
                .Instant("after_at", after?.SubmittedAt).Text("after_id", after?.CaseId)
                .TextArray("codes", filter.Codes).TextArray("authorities", filter.AuthorityIds),
            r => ReadCase(r) with { Application = NullableString(r, 15) },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<List<CaseRow>> OpenCasesOfProcedureAsync(string code, string? after, int limit, CancellationToken cancellationToken)
    {
        var started = await EngineTablesExistAsync(cancellationToken).ConfigureAwait(false) ? StartedWithEngine : StartedByLink;
        return await QueryAsync(
            $"""
            SELECT {CaseColumns}, application FROM ov_cases
            WHERE procedure_code = @code AND kind = '{CaseKind}' AND closed_at IS NULL AND (@after IS NULL OR case_id > @after)
              AND {started}
            ORDER BY case_id LIMIT @limit
            """,
            c => c.Text("code", code).Text("after", after).Int("limit", limit),
            r => ReadCase(r) with { Application = NullableString(r, 15) },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<List<CaseRow>> MembersOfBundleAsync(string bundleCaseId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {CaseColumns} FROM ov_cases WHERE bundle_case_id = @bundle ORDER BY case_id", c => c.Text("bundle", bundleCaseId), ReadCase, cancellationToken);

    private static CaseRow ReadCase(DbDataReader r) => new(
        r.GetString(0), NullableString(r, 1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetString(6),
        r.GetString(7), NullableString(r, 8), r.GetString(9), Instant(r, 10), NullableInstant(r, 11))
    {
        IsBundle = r.GetString(12) == BundleKind,
        BundleCaseId = NullableString(r, 13),
        PurgedAt = NullableInstant(r, 14),
    };

    /// <summary>Records that a request is about to be sent (committed now); returns the stored answer if it was already answered.</summary>
    public async Task<string?> BeginEvidenceRequestAsync(EvidenceRequest request, string materialId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inserted = await ExecuteAsync(
            // The node that sends it is recorded: if it dies before the answer, another node claims the request and sends it again.
            "INSERT INTO ov_evidence_requests (idempotency_key, case_id, material_id, department_id, document_id, requested_at, request, node_id) VALUES (@key, @case, @material, @department, @document, @at, @request, @node) ON CONFLICT DO NOTHING",
            c => c.Text("key", request.IdempotencyKey).Text("case", request.CaseId).Text("material", materialId).Text("department", request.DepartmentId)
                .Text("document", request.DocumentId).Instant("at", at).Text("request", JsonSerializer.Serialize(request, CaseJson.Default.EvidenceRequest)).Uuid("node", node?.Id),
            cancellationToken).ConfigureAwait(false);
        if (inserted == 1)
        {
            return null;
        }

        var rows = await QueryAsync("SELECT response FROM ov_evidence_requests WHERE idempotency_key = @key", c => c.Text("key", request.IdempotencyKey), r => NullableString(r, 0), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// Claims the unanswered request for this node unless another live node holds it. The first insert already names
    /// this node, so a first send always claims; a step re-run after a takeover claims only a dead node's request.
    /// </summary>
    public async Task<bool> ClaimEvidenceRequestAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            $"""
            UPDATE ov_evidence_requests r SET node_id = @node
            WHERE idempotency_key = @key AND response IS NULL
              AND (@node IS NULL OR r.node_id IS NULL OR r.node_id = @node OR NOT {Hosting.PostgresNode.Alive("r.node_id")})
            """,
            c =>
            {
                c.Text("key", idempotencyKey);
                BindNode(c);
            },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Stores a department's first answer and its audit line in one transaction: no answer without its line.</summary>
    public Task SaveEvidenceAnswerAsync(EvidenceRequest request, string materialId, EvidenceResponse response, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(
            t =>
            {
                t.SaveEvidenceAnswer(request, materialId, response, at);
                return true;
            },
            cancellationToken);

    public async Task<List<(EvidenceRequest Request, string MaterialId, string? Response)>> UndeliveredEvidenceAsync(string answerEvent, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            // The answer key is CaseEventNames.AnswerKey(caseId, materialId), built here as SQLite builds it. Only requests
            // no live node is sending are taken, and taken for this node in the same statement (FOR UPDATE SKIP LOCKED:
            // two nodes rescanning at once split them rather than both sending). Without a node, every one is.
            $"""
            WITH orphaned AS (
                SELECT r.idempotency_key FROM ov_evidence_requests r
                JOIN ov_cases c ON c.case_id = r.case_id AND c.closed_at IS NULL
                WHERE r.request IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM ov_claims k WHERE k.event_name = @event AND k.event_key = r.case_id || '/' || r.material_id || '/answer')
                  AND (@node IS NULL OR r.node_id IS NULL OR NOT {Hosting.PostgresNode.Alive("r.node_id")})
                FOR UPDATE OF r SKIP LOCKED
            )
            UPDATE ov_evidence_requests r SET node_id = @node FROM orphaned o
            WHERE r.idempotency_key = o.idempotency_key
            RETURNING r.request, r.material_id, r.response, r.requested_at
            """,
            c =>
            {
                c.Text("event", answerEvent);
                BindNode(c);
            },
            r => (Request: JsonSerializer.Deserialize(r.GetString(0), CaseJson.Default.EvidenceRequest)!, MaterialId: r.GetString(1), Response: NullableString(r, 2), At: Instant(r, 3)),
            cancellationToken).ConfigureAwait(false);

        // RETURNING has no order; the oldest request is sent first, as on SQLite.
        return rows.OrderBy(r => r.At).ThenBy(r => r.Request.IdempotencyKey, StringComparer.Ordinal).Select(r => (r.Request, r.MaterialId, r.Response)).ToList();
    }

    public async Task<bool> IsClaimedAsync(string eventName, string eventKey, CancellationToken cancellationToken) =>
        (await QueryAsync(
            "SELECT 1 FROM ov_claims WHERE event_name = @name AND event_key = @key",
            c => c.Text("name", eventName).Text("key", eventKey),
            _ => true,
            cancellationToken).ConfigureAwait(false)).Count > 0;
}
