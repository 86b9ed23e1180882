using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Storage;
using static OneVisit.Workflows.Persistence.Sqlite.SqliteValues;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>Durable timers (<c>ov_timers</c>) and the procedure versions cases ran on (<c>ov_procedure_versions</c>).</summary>
internal sealed partial class SqliteCaseStore
{
    internal static void ScheduleTimer(SqliteTransaction transaction, TimerRow timer) =>
        Execute(
            transaction,
            "INSERT INTO ov_timers (timer_id, case_id, due, kind, event_name, event_key) VALUES ($id, $case, $due, $kind, $name, $key) ON CONFLICT DO NOTHING",
            c => c.With("$id", timer.TimerId).With("$case", timer.CaseId).With("$due", ToDb(timer.Due)).With("$kind", timer.Kind.ToString())
                .With("$name", timer.EventName).With("$key", timer.EventKey));

    /// <summary>Disarms the case's timers whose id starts with <paramref name="prefix"/> (all of them when empty).</summary>
    internal static void CancelTimers(SqliteTransaction transaction, string caseId, string prefix) =>
        Execute(
            transaction,
            "UPDATE ov_timers SET fired = 1 WHERE case_id = $case AND fired = 0 AND substr(timer_id, 1, length($prefix)) = $prefix",
            c => c.With("$case", caseId).With("$prefix", prefix));

    public Task<List<TimerRow>> PendingTimersAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT timer_id, case_id, due, kind, event_name, event_key FROM ov_timers WHERE fired = 0 ORDER BY due",
            _ => { },
            ReadTimer,
            cancellationToken);

    private static TimerRow ReadTimer(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), Instant(r, 2), TimerKind.Parse(r.GetString(3)), NullableString(r, 4), NullableString(r, 5));

    public Task MarkTimerFiredAsync(string timerId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE ov_timers SET fired = 1 WHERE timer_id = $id", c => c.With("$id", timerId), cancellationToken);

    public Task<List<TimerRow>> DueTimersAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT timer_id, case_id, due, kind, event_name, event_key FROM ov_timers WHERE fired = 0 AND due < $before ORDER BY due",
            c => c.With("$before", ToDb(before)),
            ReadTimer,
            cancellationToken);

    /// <summary>
    /// One node holds the file (its host lock), and a timer disarmed with a case's save leaves this node's memory with
    /// that commit: the timer in hand is this node's to fire, with no round trip.
    /// </summary>
    public Task<bool> ClaimTimerAsync(string timerId, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SaveTermsAsync(string code, int version, string terms, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO ov_procedure_versions (code, version, terms) VALUES ($code, $version, $terms) ON CONFLICT DO NOTHING",
            c => c.With("$code", code).With("$version", version).With("$terms", terms),
            cancellationToken);

    public Task<List<string>> AllTermsAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT terms FROM ov_procedure_versions ORDER BY code, version", _ => { }, r => r.GetString(0), cancellationToken);
}
