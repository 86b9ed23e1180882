using System.Text.Json;
using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Storage;
using static OneVisit.Workflows.Persistence.Sqlite.SqliteValues;

namespace OneVisit.Workflows.Persistence.Sqlite;

internal sealed partial class SqliteCaseStore
{
    /// <summary>Records that a request is about to be sent (committed now); returns the stored answer if it was already answered.</summary>
    public async Task<string?> BeginEvidenceRequestAsync(EvidenceRequest request, string materialId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var inserted = await ExecuteAsync(
            "INSERT INTO ov_evidence_requests (idempotency_key, case_id, material_id, department_id, document_id, requested_at, request) VALUES ($key, $case, $material, $department, $document, $at, $request) ON CONFLICT DO NOTHING",
            c => c.With("$key", request.IdempotencyKey).With("$case", request.CaseId).With("$material", materialId).With("$department", request.DepartmentId)
                .With("$document", request.DocumentId).With("$at", ToDb(at)).With("$request", JsonSerializer.Serialize(request, CaseJson.Default.EvidenceRequest)),
            cancellationToken).ConfigureAwait(false);
        if (inserted == 1)
        {
            return null;
        }

        var rows = await QueryAsync("SELECT response FROM ov_evidence_requests WHERE idempotency_key = $key", c => c.With("$key", request.IdempotencyKey), r => NullableString(r, 0), cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    /// <summary>One node holds the file: the request in hand is this node's to send, with no round trip.</summary>
    public Task<bool> ClaimEvidenceRequestAsync(string idempotencyKey, CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>Stores a department's first answer and its audit line now, in one transaction: no answer without its line.</summary>
    public Task SaveEvidenceAnswerAsync(EvidenceRequest request, string materialId, EvidenceResponse response, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            transaction =>
            {
                WriteEvidenceAnswer(transaction, database.Options.AuditSeal, request, materialId, response, at);
                return true;
            },
            cancellationToken);

    /// <summary>The answer on its request's row, and the audit line that records it, keyed so a repeat writes nothing.</summary>
    internal static void WriteEvidenceAnswer(SqliteTransaction transaction, AuditSeal seal, EvidenceRequest request, string materialId, EvidenceResponse response, DateTimeOffset at)
    {
        Execute(
            transaction,
            "UPDATE ov_evidence_requests SET outcome = $outcome, response = $response, answered_at = $at WHERE idempotency_key = $key AND response IS NULL",
            c => c.With("$outcome", response.Outcome.ToString()).With("$response", JsonSerializer.Serialize(response, CaseJson.Default.EvidenceResponse))
                .With("$at", ToDb(at)).With("$key", request.IdempotencyKey));
        AppendAudit(
            transaction,
            seal,
            $"{request.CaseId}:evidence:{materialId}:first-answer",
            new AuditEntry(0, request.CaseId, request.SubjectId, at, request.DepartmentId, AuditActions.EvidenceAnswered, $"{request.DocumentId} from {request.DepartmentId}: {response.Summary}"));
    }

    /// <summary>
    /// Requests of open cases whose answer never reached the case: recorded but not answered when the host stopped
    /// (sent, or about to be), or answered but not yet handed to the waiting case (no claim on its answer key).
    /// </summary>
    public Task<List<(EvidenceRequest Request, string MaterialId, string? Response)>> UndeliveredEvidenceAsync(string answerEvent, CancellationToken cancellationToken) =>
        QueryAsync(
            """
            SELECT r.request, r.material_id, r.response FROM ov_evidence_requests r
            JOIN ov_cases c ON c.case_id = r.case_id AND c.closed_at IS NULL
            WHERE r.request IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM ov_claims k WHERE k.event_name = $event AND k.event_key = r.case_id || '/' || r.material_id || '/answer')
            ORDER BY r.requested_at
            """,
            c => c.With("$event", answerEvent),
            r => (JsonSerializer.Deserialize(r.GetString(0), CaseJson.Default.EvidenceRequest)!, r.GetString(1), NullableString(r, 2)),
            cancellationToken);

    /// <summary>Whether the wait keyed (<paramref name="eventName"/>, <paramref name="eventKey"/>) has taken its event (or ended otherwise).</summary>
    public async Task<bool> IsClaimedAsync(string eventName, string eventKey, CancellationToken cancellationToken) =>
        (await QueryAsync(
            "SELECT 1 FROM ov_claims WHERE event_name = $name AND event_key = $key",
            c => c.With("$name", eventName).With("$key", eventKey),
            _ => true,
            cancellationToken).ConfigureAwait(false)).Count > 0;
}
