using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>
/// Runs a workflow's next pass at once, before it is saved, when the pass just run left work that is due now.
/// </summary>
/// <remarks>
/// WorkflowCore's executor runs only the steps that were ready when a pass began; a step that becomes ready
/// during it (the next step, a ForEach's branches, the join after them) waits for the next pass, which costs a
/// save, a trip through the queue and a fresh load of the document. A case went through about seven such
/// passes; continuing here makes it three (to the first wait, and after each event). Steps still run at least
/// once: a crash before the save runs the unsaved passes' steps again, which every case step tolerates
/// (its effects are keyed). A pass that waits, sleeps or fails ends the run, and <see cref="MaxPasses"/> bounds it.
/// </remarks>
internal sealed class ContinuingExecutor(IWorkflowExecutor inner, IDateTimeProvider clock) : IWorkflowExecutor
{
    /// <summary>Most passes run before a save, so a workflow that never waits cannot hold its consumer.</summary>
    public const int MaxPasses = 16;

    public async Task<WorkflowExecutorResult> Execute(WorkflowInstance workflow, CancellationToken cancellationToken = default)
    {
        var result = await inner.Execute(workflow, cancellationToken).ConfigureAwait(false);
        for (var pass = 1; pass < MaxPasses && DueNow(workflow) && result.Errors.Count == 0; pass++)
        {
            var next = await inner.Execute(workflow, cancellationToken).ConfigureAwait(false);
            result.Subscriptions.AddRange(next.Subscriptions);
            result.Errors.AddRange(next.Errors);
        }

        return result;
    }

    // Strictly before now, as WorkflowCore's executor only runs a sleeping step once SleepUntil < UtcNow.
    private bool DueNow(WorkflowInstance workflow) =>
        workflow.Status == WorkflowStatus.Runnable
        && workflow.NextExecution is { } next
        && next < clock.UtcNow.Ticks;
}
