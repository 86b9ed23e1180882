using System.Collections.Concurrent;

namespace OneVisit.Workflows.Engine;

/// <summary>Lets callers await the next save of a workflow (tests, the demo) instead of polling the store.</summary>
internal sealed class CaseWatcher
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _next = new(StringComparer.Ordinal);

    /// <summary>A task that completes at the next save of <paramref name="workflowId"/>; take it before reading the state it guards.</summary>
    public Task NextSave(string workflowId) =>
        _next.GetOrAdd(workflowId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Saved(string workflowId)
    {
        if (_next.TryRemove(workflowId, out var waiting))
        {
            waiting.TrySetResult();
        }
    }
}
