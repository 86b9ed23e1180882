using static OneVisit.Workflows.Storage.SqliteValues;

namespace OneVisit.Workflows.Storage;

internal sealed partial class CaseStore
{
    /// <summary>Records that a request is about to be sent; returns the stored answer if it was already answered.</summary>
    public async Task<(bool AlreadySent, string? Response)> BeginEvidenceRequestAsync(
        string key, string caseId, string materialId, string departmentId, string documentId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var inserted = await ExecuteAsync(
            "INSERT INTO ov_evidence_requests (idempotency_key, case_id, material_id, department_id, document_id, requested_at) VALUES ($key, $case, $material, $department, $document, $at) ON CONFLICT DO NOTHING",
            c => c.With("$key", key).With("$case", caseId).With("$material", materialId).With("$department", departmentId).With("$document", documentId).With("$at", ToDb(at)),
            cancellationToken).ConfigureAwait(false);
        if (inserted == 1)
        {
            return (false, null);
        }

        var rows = await QueryAsync("SELECT response FROM ov_evidence_requests WHERE idempotency_key = $key", c => c.With("$key", key), r => NullableString(r, 0), cancellationToken).ConfigureAwait(false);
        return (true, rows[0]);
    }

    public Task SaveEvidenceResponseAsync(string key, string outcome, string response, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE ov_evidence_requests SET outcome = $outcome, response = $response, answered_at = $at WHERE idempotency_key = $key",
            c => c.With("$outcome", outcome).With("$response", response).With("$at", ToDb(at)).With("$key", key),
            cancellationToken);

    public Task ScheduleTimerAsync(TimerRow timer, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO ov_timers (timer_id, case_id, due, kind, event_name, event_key) VALUES ($id, $case, $due, $kind, $name, $key) ON CONFLICT DO NOTHING",
            c => c.With("$id", timer.TimerId).With("$case", timer.CaseId).With("$due", ToDb(timer.Due)).With("$kind", timer.Kind)
                .With("$name", timer.EventName).With("$key", timer.EventKey),
            cancellationToken);

    public Task<List<TimerRow>> PendingTimersAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT timer_id, case_id, due, kind, event_name, event_key FROM ov_timers WHERE fired = 0 ORDER BY due",
            _ => { },
            r => new TimerRow(r.GetString(0), r.GetString(1), Instant(r, 2), r.GetString(3), NullableString(r, 4), NullableString(r, 5)),
            cancellationToken);

    public Task MarkTimerFiredAsync(string timerId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE ov_timers SET fired = 1 WHERE timer_id = $id", c => c.With("$id", timerId), cancellationToken);

    public Task CancelTimersAsync(string caseId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE ov_timers SET fired = 1 WHERE case_id = $case AND fired = 0", c => c.With("$case", caseId), cancellationToken);

    public Task SaveTermsAsync(string code, int version, string terms, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO ov_procedure_versions (code, version, terms) VALUES ($code, $version, $terms) ON CONFLICT DO NOTHING",
            c => c.With("$code", code).With("$version", version).With("$terms", terms),
            cancellationToken);

    public Task<List<string>> AllTermsAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT terms FROM ov_procedure_versions ORDER BY code, version", _ => { }, r => r.GetString(0), cancellationToken);
}
