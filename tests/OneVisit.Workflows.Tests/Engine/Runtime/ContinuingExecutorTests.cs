using OneVisit.Workflows.Engine.Runtime;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Tests.Engine.Runtime;

/// <summary>
/// Steps that become ready during a pass (the next step, a ForEach's branches, the join) run before the
/// workflow is saved, instead of costing a save and a queue trip each.
/// </summary>
public sealed class ContinuingExecutorTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Execute_StepsReadyAfterAPass_RunBeforeTheSave()
    {
        await using var host = await TestWorkflowHost.StartAsync(new RuntimeTuning(), h => h.RegisterWorkflow<BranchingWorkflow, NoData>());

        var id = await host.Host.StartWorkflow(new BranchingWorkflow().Id, 1, new NoData());
        await host.Store.WhenComplete(id).WaitAsync(Safety);

        // Created, then saved once complete: WorkflowCore alone saves after each of its five passes.
        Assert.Equal(2, host.Store.Saves(id));
        CompletionProbe.Forget(id);
    }

    [Fact]
    public async Task Execute_AStepThatWaits_EndsTheRunAndIsSavedWithItsSubscription()
    {
        await using var host = await TestWorkflowHost.StartAsync(new RuntimeTuning(), h => h.RegisterWorkflow<JoinWorkflow, NoData>());

        var id = await host.Host.StartWorkflow(new JoinWorkflow().Id, 1, new NoData());

        await host.Store.WhenSubscribed(id, 3).WaitAsync(Safety);
        Assert.Equal(2, host.Store.Saves(id));
    }

    /// <summary>A first step, two ForEach branches in parallel, and a last step: five passes for WorkflowCore.</summary>
    private sealed class BranchingWorkflow : IWorkflow<NoData>
    {
        public string Id => "runtime-branching";

        public int Version => 1;

        public void Build(IWorkflowBuilder<NoData> builder) => builder
            .StartWith(_ => ExecutionResult.Next())
            .ForEach(_ => new[] { "a", "b" }, _ => true)
                .Do(each => each.StartWith(_ => ExecutionResult.Next()))
            .Then(context =>
            {
                CompletionProbe.Signal(context.Workflow.Id);
                return ExecutionResult.Next();
            });
    }
}
