using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Tests.Engine.Persistence;

/// <summary>A real WorkflowCore host on the SQLite store: start, wait for an event, finish.</summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task WorkflowHost_WaitForEvent_RunsToCompletionOnSqlite()
    {
        var store = _database.Store();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflow(options => options.UsePersistence(_ => store));
        await using var provider = services.BuildServiceProvider();
        var host = provider.GetRequiredService<IWorkflowHost>();
        host.RegisterWorkflow<ApprovalWorkflow, ApprovalData>();
        await host.StartAsync(CancellationToken.None);

        var key = Guid.NewGuid().ToString();
        var finished = ApprovalWorkflow.Finished.GetOrAdd(
            key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var id = await host.StartWorkflow(ApprovalWorkflow.Name, 1, new ApprovalData { Key = key });
        await host.PublishEvent("approved", key, "granted");

        // The last step signals; the timeout only guards against a hang, it is not how the test waits.
        await finished.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync(CancellationToken.None); // waits for the in-flight persist of the last step

        var stored = await store.GetWorkflowInstance(id);
        Assert.NotNull(stored);
        Assert.Equal(WorkflowStatus.Complete, stored.Status);
        Assert.NotNull(stored.CompleteTime);
        var data = Assert.IsType<ApprovalData>(stored.Data);
        Assert.Equal(("granted", 2), (data.Decision, data.StepsRun));
        Assert.Equal(3, stored.ExecutionPointers.Count);
        Assert.All(stored.ExecutionPointers, p => Assert.Equal(PointerStatus.Complete, p.Status));
        Assert.Equal("granted", stored.ExecutionPointers.Single(p => p.EventName == "approved").EventData);
        Assert.Empty(await store.GetRunnableInstances(DateTime.UtcNow.AddYears(1)));
    }

    /// <summary>Step 1 counts, step 2 waits for "approved" keyed by the case, step 3 counts and signals.</summary>
    private sealed class ApprovalWorkflow : IWorkflow<ApprovalData>
    {
        public const string Name = "e2e-approval";

        public static ConcurrentDictionary<string, TaskCompletionSource> Finished { get; } = new();

        public string Id => Name;

        public int Version => 1;

        public void Build(IWorkflowBuilder<ApprovalData> builder) => builder
            .StartWith(context =>
            {
                ((ApprovalData)context.Workflow.Data).StepsRun++;
                return ExecutionResult.Next();
            })
            .WaitFor("approved", data => data.Key)
                .Output(data => data.Decision, step => (string)step.EventData)
            .Then(context =>
            {
                var data = (ApprovalData)context.Workflow.Data;
                data.StepsRun++;
                Finished.GetValueOrDefault(data.Key)?.TrySetResult();
                return ExecutionResult.Next();
            });
    }
}
