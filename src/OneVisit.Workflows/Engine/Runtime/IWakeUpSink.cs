namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>
/// Told by the persistence store when a workflow next needs to run, so timers fire on time
/// instead of at the next poll.
/// </summary>
/// <remarks>
/// The store calls <see cref="Schedule"/> after every persist of an instance whose
/// <c>NextExecution</c> has a value, and at start-up for every runnable instance it holds.
/// A later call for the same workflow replaces the earlier one; a wake-up that turns out to be
/// stale is harmless (the workflow consumer finds nothing due and persists it again).
/// </remarks>
internal interface IWakeUpSink
{
    /// <summary>Wakes <paramref name="workflowId"/> once the clock has passed <paramref name="nextExecutionTicksUtc"/>.</summary>
    /// <param name="workflowId">The workflow instance id.</param>
    /// <param name="nextExecutionTicksUtc">WorkflowCore's <c>NextExecution</c>: UTC ticks, 0 for "now".</param>
    void Schedule(string workflowId, long nextExecutionTicksUtc);
}
