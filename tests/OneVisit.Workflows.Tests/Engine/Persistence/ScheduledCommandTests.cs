using WorkflowCore.Models;

namespace OneVisit.Workflows.Tests.Engine.Persistence;

public sealed class ScheduledCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task ProcessCommands_RunsDueOnesOldestFirst_AndDeletesThem()
    {
        var store = _database.Store();
        Assert.True(store.SupportsScheduledCommands);
        await store.ScheduleCommand(Command("late", T0.AddTicks(1)));
        await store.ScheduleCommand(Command("due", T0));
        await store.ScheduleCommand(Command("overdue", T0.AddMinutes(-1)));
        var ran = new List<string>();

        await store.ProcessCommands(T0, c => { ran.Add(c.Data); return Task.CompletedTask; });

        Assert.Equal(["overdue", "due"], ran);
        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM wf_scheduled_commands"));
    }

    [Fact]
    public async Task ProcessCommands_FailingAction_KeepsThatCommandOnly()
    {
        var store = _database.Store();
        await store.ScheduleCommand(Command("bad", T0));
        await store.ScheduleCommand(Command("good", T0));

        await store.ProcessCommands(T0, c => c.Data == "bad" ? throw new InvalidOperationException("nope") : Task.CompletedTask);

        var left = new List<string>();
        await store.ProcessCommands(T0, c => { left.Add(c.Data); return Task.CompletedTask; });
        Assert.Equal(["bad"], left);
    }

    [Fact]
    public async Task ScheduleCommand_SameCommandAgain_LatestTimeWins()
    {
        var store = _database.Store();
        await store.ScheduleCommand(Command("wf", T0));
        await store.ScheduleCommand(Command("wf", T0.AddHours(1)));

        var ran = new List<string>();
        await store.ProcessCommands(T0, c => { ran.Add(c.Data); return Task.CompletedTask; });

        Assert.Empty(ran);
        Assert.Equal(T0.AddHours(1).UtcTicks, _database.Scalar("SELECT execute_time FROM wf_scheduled_commands"));
    }

    [Fact]
    public async Task ProcessCommands_RescheduledWhileRunning_KeepsTheNewSchedule()
    {
        var store = _database.Store();
        await store.ScheduleCommand(Command("wf", T0));

        await store.ProcessCommands(T0, c => store.ScheduleCommand(Command("wf", T0.AddHours(2))));

        Assert.Equal(T0.AddHours(2).UtcTicks, _database.Scalar("SELECT execute_time FROM wf_scheduled_commands"));
    }

    private static ScheduledCommand Command(string data, DateTimeOffset at) =>
        new() { CommandName = ScheduledCommand.ProcessWorkflow, Data = data, ExecuteTime = at.UtcTicks };
}
