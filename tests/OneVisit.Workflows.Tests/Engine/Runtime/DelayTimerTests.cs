using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneVisit.Workflows.Engine.Runtime;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Tests.Engine.Runtime;

/// <summary>A statutory clock fires when the business clock passes it, not at the next poll.</summary>
[Collection(TimingCollection.Name)]
public sealed class DelayTimerTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ThreeDayDelay_CompletesRightAfterTheClockPassesIt_AndNotBefore()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

        // A poll far longer than the safety timeout: completing in time cannot be the poll's doing.
        await using var host = await TestWorkflowHost.StartAsync(
            new RuntimeTuning { PollInterval = TimeSpan.FromHours(1) },
            h => h.RegisterWorkflow<ThreeDayDelayWorkflow, NoData>(),
            time);
        var scheduler = host.Services.GetRequiredService<WakeUpScheduler>();

        var id = await host.Host.StartWorkflow(new ThreeDayDelayWorkflow().Id, 1, new NoData());
        await host.Store.WhenSleeping(id).WaitAsync(Safety);
        var completion = CompletionProbe.Completion(id);
        var firedBefore = scheduler.TimerWakeUps;

        time.Advance(TimeSpan.FromDays(2));

        Assert.Equal(firedBefore, scheduler.TimerWakeUps);
        Assert.Equal(1, scheduler.Pending);
        Assert.False(completion.IsCompleted);
        var asleep = await host.Store.GetWorkflowInstance(id);
        Assert.Equal(WorkflowStatus.Runnable, asleep.Status);

        // WorkflowCore runs the step once SleepUntil < now, so the clock has to pass the
        // three days, if only by a millisecond.
        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMilliseconds(1));

        await completion.WaitAsync(Safety);
        Assert.Equal(firedBefore + 1, scheduler.TimerWakeUps);
        CompletionProbe.Forget(id);
    }
}
