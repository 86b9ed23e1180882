using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Tests.Engine.Runtime;

internal sealed class NoData;

/// <summary>Waits for three events keyed on its own id in parallel, joins, then reports completion.</summary>
internal sealed class JoinWorkflow : IWorkflow<NoData>
{
    public const string EventName = "join-test";

    public string Id => "runtime-join";

    public int Version => 1;

    public void Build(IWorkflowBuilder<NoData> builder) => builder
        .StartWith(_ => ExecutionResult.Next())
        .Parallel()
            .Do(branch => branch.WaitFor(EventName, (_, context) => context.Workflow.Id + ":a"))
            .Do(branch => branch.WaitFor(EventName, (_, context) => context.Workflow.Id + ":b"))
            .Do(branch => branch.WaitFor(EventName, (_, context) => context.Workflow.Id + ":c"))
        .Join()
        .Then(context =>
        {
            CompletionProbe.Signal(context.Workflow.Id);
            return ExecutionResult.Next();
        });
}

/// <summary>Sleeps three days (a statutory clock), then reports completion.</summary>
internal sealed class ThreeDayDelayWorkflow : IWorkflow<NoData>
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(3);

    public string Id => "runtime-delay";

    public int Version => 1;

    public void Build(IWorkflowBuilder<NoData> builder) => builder
        .StartWith(_ => ExecutionResult.Next())
        .Delay(_ => Period)
        .Then(context =>
        {
            CompletionProbe.Signal(context.Workflow.Id);
            return ExecutionResult.Next();
        });
}
