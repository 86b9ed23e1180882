using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Storage;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine.Steps;

/// <summary>
/// Adapts a step of a process (a case's or a bundle case's) to WorkflowCore: hands it the event that woke the
/// step, and turns "wait for" into an event subscription. Steps are coarse on purpose: WorkflowCore writes the
/// whole workflow document once per step it runs, so one step does all that can be done before the next wait.
/// </summary>
internal abstract class ProcessStepBody<TData> : StepBodyAsync
    where TData : class, IHasPendingWrites
{
    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var data = (TData)context.Workflow.Data;
        var pointer = context.ExecutionPointer;
        var received = pointer.EventPublished ? pointer.EventData : null;

        // WorkflowCore saves the data even when a step throws (to record the retry), so a step that failed half-way
        // would leave half its changes behind. It runs on a copy's worth of state: on failure the data as it was
        // before the step is put back, and the writes the step had queued are dropped with it.
        var before = JsonSerializer.SerializeToUtf8Bytes(data, Json);
        var mark = data.Writes.Mark();
        StepOutcome outcome;
        try
        {
            outcome = await RunAsync(data, context.Item, received, context.CancellationToken).ConfigureAwait(false);
        }
        catch
        {
            data.Writes.RollBackTo(mark);
            var restored = JsonSerializer.Deserialize(before, Json)!;
            Adopt(restored, data.Writes);
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
        return ExecutionResult.WaitForEvent(outcome.EventName, outcome.EventKey, SubmittedAt(data).UtcDateTime);
    }

    /// <summary>The source-generated contract the data is copied with.</summary>
    protected abstract JsonTypeInfo<TData> Json { get; }

    /// <summary>Gives the restored copy the writes of the one it replaces.</summary>
    protected abstract void Adopt(TData restored, PendingWrites writes);

    /// <summary>Since when events count for the process's waits.</summary>
    protected abstract DateTimeOffset SubmittedAt(TData data);

    protected abstract Task<StepOutcome> RunAsync(TData data, object? item, object? received, CancellationToken cancellationToken);
}
