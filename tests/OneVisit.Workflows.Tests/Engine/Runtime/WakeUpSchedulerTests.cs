using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OneVisit.Workflows.Engine.Runtime;
using WorkflowCore.Interface;

namespace OneVisit.Workflows.Tests.Engine.Runtime;

public sealed class WakeUpSchedulerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly RuntimeParts _parts = new();
    private readonly WakeUpScheduler _scheduler;

    public WakeUpSchedulerTests() =>
        _scheduler = new WakeUpScheduler(_time, _parts.Queue, NullLogger<WakeUpScheduler>.Instance);

    public void Dispose()
    {
        _scheduler.Dispose();
        _parts.Dispose();
    }

    [Fact]
    public void Schedule_QueuesTheWorkflow_OnlyOnceTheClockHasPassedItsTime()
    {
        _scheduler.Schedule("w1", At(TimeSpan.FromDays(3)));

        _time.Advance(TimeSpan.FromDays(2));
        Assert.Empty(Queued());

        // WorkflowCore runs a sleeping step only when SleepUntil < now, so "due" is strictly after.
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(Queued());

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["w1"], Queued());
        Assert.Equal(0, _scheduler.Pending);
    }

    [Fact]
    public void Schedule_FiresEarliestFirst_WithOneTimerReArmed()
    {
        _scheduler.Schedule("late", At(TimeSpan.FromHours(2)));
        _scheduler.Schedule("early", At(TimeSpan.FromHours(1)));
        _scheduler.Schedule("latest", At(TimeSpan.FromHours(3)));

        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMilliseconds(1));
        Assert.Equal(["early"], Queued());

        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(["late", "latest"], Queued());
    }

    [Fact]
    public void Schedule_Again_ReplacesTheEarlierTime()
    {
        _scheduler.Schedule("w1", At(TimeSpan.FromHours(1)));
        _scheduler.Schedule("w1", At(TimeSpan.FromHours(3)));

        _time.Advance(TimeSpan.FromHours(2));
        Assert.Empty(Queued());

        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMilliseconds(1));
        Assert.Equal(["w1"], Queued());
        Assert.Equal(1, _scheduler.TimerWakeUps);
    }

    [Fact]
    public void Schedule_InThePast_QueuesAtOnce_AndCancelsALaterWakeUp()
    {
        _scheduler.Schedule("w1", At(TimeSpan.FromHours(1)));
        _scheduler.Schedule("w1", 0);

        Assert.Equal(["w1"], Queued());

        _time.Advance(TimeSpan.FromHours(2));
        Assert.Empty(Queued());
    }

    private long At(TimeSpan fromNow) => (_time.GetUtcNow() + fromNow).UtcTicks;

    private List<string> Queued()
    {
        var items = new List<string>();
        while (_parts.Queue.CountWaiting(QueueType.Workflow) > 0)
        {
            items.Add(_parts.Queue.DequeueWork(QueueType.Workflow, CancellationToken.None).Result);
        }

        return items;
    }
}
