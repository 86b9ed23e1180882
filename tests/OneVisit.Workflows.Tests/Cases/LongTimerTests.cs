using Microsoft.Extensions.DependencyInjection;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>A durable timer further off than a runtime timer can wait (about 49.7 days) does not stop the runtime's start.</summary>
public sealed class LongTimerTests
{
    [Fact]
    public async Task StartAsync_TimerDueInHundredDays_StartsAndKeepsItPending()
    {
        var directory = Directory.CreateTempSubdirectory("onevisit-long-timer-").FullName;
        try
        {
            var due = CaseHarness.Morning.AddDays(100);
            await using (var first = await CaseHarness.StartAsync(directory: directory))
            {
                await first.Services.GetRequiredService<ICaseStorage>().WriteAsync(
                    t =>
                    {
                        t.ScheduleTimer(new TimerRow("far:owed:1", "case-far", due, TimerKind.Timeout, "onevisit.applicant", "case-far/gap/owed"));
                        return true;
                    },
                    CancellationToken.None);
            }

            // Armed on start: a delay of 100 days used to throw out of the timer and stop the start.
            await using var next = await CaseHarness.StartAsync(directory: directory);
            next.Time.Advance(TimeSpan.FromDays(31));

            var pending = await next.Services.GetRequiredService<ITimerStore>().PendingTimersAsync(CancellationToken.None);
            Assert.Contains(pending, t => t.TimerId == "far:owed:1");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
