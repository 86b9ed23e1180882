using System.Text.Json;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine.Steps;

/// <summary>
/// Adapts a <see cref="CaseProcess"/> step to WorkflowCore: hands it the event that woke the step, and turns
/// "wait for" into an event subscription. Steps are coarse on purpose: WorkflowCore writes the whole
/// workflow document once per step it runs, so one step does all that can be done before the next wait.
/// </summary>
internal abstract class CaseStepBody : StepBodyAsync
{
    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var data = (CaseData)context.Workflow.Data;
        var pointer = context.ExecutionPointer;
        var received = pointer.EventPublished ? pointer.EventData : null;

        // WorkflowCore saves the data even when a step throws (to record the retry), so a step that failed half-way
        // would leave half its changes behind. It runs on a copy's worth of state: on failure the data as it was
        // before the step is put back, and the writes the step had queued are dropped with it.
        var before = JsonSerializer.SerializeToUtf8Bytes(data, CaseJson.Default.CaseData);
        var mark = data.Writes.Mark();
        StepOutcome outcome;
        try
        {
            outcome = await RunAsync(data, context.Item, received, context.CancellationToken).ConfigureAwait(false);
        }
        catch
        {
            data.Writes.RollBackTo(mark);
            var restored = JsonSerializer.Deserialize(before, CaseJson.Default.CaseData)!;
            restored.Adopt(data.Writes);
            context.Workflow.Data = restored;
            throw;
        }

        if (!outcome.Waits)
        {
            return ExecutionResult.Next();
        }

        // A step may wait again after an event woke it; WorkflowCore only delivers to pointers whose
        // EventPublished is false, so the flag is cleared for the new wait. Events published since the case
        // was submitted count, so an answer that arrives before the wait begins is not lost.
        pointer.EventPublished = false;
        pointer.EventData = null;
        return ExecutionResult.WaitForEvent(outcome.EventName, outcome.EventKey, data.SubmittedAt.UtcDateTime);
    }

    protected abstract Task<StepOutcome> RunAsync(CaseData data, object? item, object? received, CancellationToken cancellationToken);
}

internal sealed class IntakeStep(CaseProcess process) : CaseStepBody
{
    protected override Task<StepOutcome> RunAsync(CaseData data, object? item, object? received, CancellationToken cancellationToken) =>
        process.IntakeAsync(data, received, cancellationToken);
}

internal sealed class EvidenceStep(CaseProcess process) : CaseStepBody
{
    protected override Task<StepOutcome> RunAsync(CaseData data, object? item, object? received, CancellationToken cancellationToken) =>
        process.EvidenceAsync(data, (string)item!, received, cancellationToken);
}

internal sealed class ReviewStep(CaseProcess process) : CaseStepBody
{
    protected override Task<StepOutcome> RunAsync(CaseData data, object? item, object? received, CancellationToken cancellationToken) =>
        process.ReviewAsync(data, received, cancellationToken);
}

internal sealed class DeliveryStep(CaseProcess process) : CaseStepBody
{
    protected override Task<StepOutcome> RunAsync(CaseData data, object? item, object? received, CancellationToken cancellationToken) =>
        process.DeliverAsync(data, received, cancellationToken);
}
