using OneVisit.Workflows.Storage;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Storage.Contract;

/// <summary>Durable timers: armed once per id, listed earliest first until fired or disarmed by prefix.</summary>
public abstract class TimerStoreContract : StorageContract
{
    private async Task<List<string>> PendingIdsAsync() => (await Timers.PendingTimersAsync(None)).Select(t => t.TimerId).ToList();

    [Fact]
    public async Task ScheduleTimer_SameIdTwice_KeepsTheFirst()
    {
        var first = Timer("case-1:supplement-1:1", "case-1", At(60));

        await WriteAsync(t => t.ScheduleTimer(first));
        await WriteAsync(t => t.ScheduleTimer(first with { Due = At(5), Kind = TimerKind.Reminder("supplement-1") }));

        Assert.Equal([first], await Timers.PendingTimersAsync(None));
    }

    [Fact]
    public async Task ScheduleTimer_IdOfAFiredTimer_DoesNotArmItAgain()
    {
        var timer = Timer("case-1:supplement-1:1", "case-1", At(60));
        await WriteAsync(t => t.ScheduleTimer(timer));
        await Timers.MarkTimerFiredAsync(timer.TimerId, None);

        // A step that runs again after a crash arms its timers again under the same ids.
        await WriteAsync(t => t.ScheduleTimer(timer));

        Assert.Empty(await Timers.PendingTimersAsync(None));
    }

    [Fact]
    public async Task PendingTimersAsync_SeveralTimers_EarliestFirst()
    {
        await WriteAsync(t =>
        {
            t.ScheduleTimer(Timer("case-1:b:1", "case-1", At(30)));
            t.ScheduleTimer(Timer("case-2:a:1", "case-2", new DateTimeOffset(2025, 3, 14, 1, 30, 0, TimeSpan.Zero)));
            t.ScheduleTimer(Timer("case-1:a:1", "case-1", At(-10)));
        });

        // At(-10) is 09:16 in Beijing, 01:16 UTC: before 01:30 UTC although its wall-clock time reads later.
        Assert.Equal(["case-1:a:1", "case-2:a:1", "case-1:b:1"], await PendingIdsAsync());
    }

    [Fact]
    public async Task PendingTimersAsync_EveryKind_RoundTrips()
    {
        TimerRow[] timers =
        [
            new("case-1:evidence-answer:1", "case-1", At(1), TimerKind.Timeout, "onevisit.evidence", "case-1/tax-record/answer"),
            new("case-1:supplement-2:remind:1", "case-1", At(2), TimerKind.Reminder("supplement-2"), null, null),
            new("case-1:clock:legal-limit_days:warn:1", "case-1", At(3), TimerKind.Clock("legal-limit_days", passed: false), null, null),
            new("case-1:clock:legal-limit_days:due:1", "case-1", At(4), TimerKind.Clock("legal-limit_days", passed: true), null, null),
        ];
        await WriteAsync(t =>
        {
            foreach (var timer in timers)
            {
                t.ScheduleTimer(timer);
            }
        });

        var pending = await Timers.PendingTimersAsync(None);

        Assert.Equal(timers, pending);
        Assert.Equal([TimerAction.Timeout, TimerAction.Remind, TimerAction.ClockWarning, TimerAction.ClockDue], pending.Select(t => t.Kind.Action));
        SameInstant(At(1), pending[0].Due);
    }

    [Fact]
    public async Task MarkTimerFiredAsync_PendingTimer_LeavesOnlyTheOthersPending()
    {
        await WriteAsync(t =>
        {
            t.ScheduleTimer(Timer("case-1:a:1", "case-1", At(1)));
            t.ScheduleTimer(Timer("case-1:b:1", "case-1", At(2)));
        });

        await Timers.MarkTimerFiredAsync("case-1:a:1", None);

        Assert.Equal(["case-1:b:1"], await PendingIdsAsync());
    }

    [Fact]
    public async Task CancelTimers_Prefix_DisarmsOnlyThatCasesTimersWithThePrefix()
    {
        await WriteAsync(t =>
        {
            t.ScheduleTimer(Timer("case-1:ask:tax:1", "case-1", At(1)));
            t.ScheduleTimer(Timer("case-1:ask:tax:remind:2", "case-1", At(2)));
            t.ScheduleTimer(Timer("case-1:asking:3", "case-1", At(3)));
            t.ScheduleTimer(Timer("case-1:gap:lease:4", "case-1", At(4)));
            t.ScheduleTimer(Timer("case-10:ask:tax:5", "case-10", At(5)));
        });

        await WriteAsync(t => t.CancelTimers("case-1", "case-1:ask:"));

        Assert.Equal(["case-1:asking:3", "case-1:gap:lease:4", "case-10:ask:tax:5"], await PendingIdsAsync());
    }

    [Fact]
    public async Task CancelTimers_PrefixOfAnotherCasesTimers_DisarmsNothing()
    {
        await WriteAsync(t => t.ScheduleTimer(Timer("case-2:ask:tax:1", "case-2", At(1))));

        await WriteAsync(t => t.CancelTimers("case-1", "case-2:"));

        Assert.Equal(["case-2:ask:tax:1"], await PendingIdsAsync());
    }

    [Fact]
    public async Task CancelTimers_PrefixWithWildcardCharacters_MatchesThemLiterally()
    {
        await WriteAsync(t =>
        {
            t.ScheduleTimer(Timer("case-1:ask_1:1", "case-1", At(1)));
            t.ScheduleTimer(Timer("case-1:askX1:2", "case-1", At(2)));
            t.ScheduleTimer(Timer("case-1:50%:3", "case-1", At(3)));
            t.ScheduleTimer(Timer("case-1:50x:4", "case-1", At(4)));
        });

        await WriteAsync(t =>
        {
            t.CancelTimers("case-1", "case-1:ask_");
            t.CancelTimers("case-1", "case-1:50%");
        });

        Assert.Equal(["case-1:askX1:2", "case-1:50x:4"], await PendingIdsAsync());
    }

    [Fact]
    public async Task CancelTimers_EmptyPrefix_DisarmsEveryTimerOfThatCaseOnly()
    {
        await WriteAsync(t =>
        {
            t.ScheduleTimer(Timer("case-1:a:1", "case-1", At(1)));
            t.ScheduleTimer(Timer("case-1:clock:limit:due:2", "case-1", At(2)) with { Kind = TimerKind.Clock("limit", passed: true) });
            t.ScheduleTimer(Timer("case-2:a:3", "case-2", At(3)));
        });

        await WriteAsync(t => t.CancelTimers("case-1", ""));

        Assert.Equal(["case-2:a:3"], await PendingIdsAsync());
    }
}
