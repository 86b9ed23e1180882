using OneVisit.Workflows.Cases.Internal;

namespace OneVisit.Workflows.Engine;

/// <summary>
/// A wait's watch on one workflow's saves, made by <see cref="CaseWatcher.Watch"/>: the latest save not yet taken is
/// kept here until <see cref="NextAsync"/> takes it.
/// </summary>
/// <remarks>
/// The save is state, not a completed task: a task completed with a save and then replaced would drop a second save
/// that lands before the waiter asks again (a case decided, then closed at once), and the wait would sleep until its
/// timeout. Here a save only marks the watch and wakes whoever is waiting; taking it resets the mark under the same lock.
/// </remarks>
internal sealed class SaveWatch : ISaveWatch
{
    private readonly Action<SaveWatch> _forget;
    private readonly Lock _gate = new();
    private TaskCompletionSource? _waiting;
    private bool _saved;
    private object? _data;
    private bool _disposed;

    /// <param name="workflowId">The workflow watched.</param>
    /// <param name="forget">Takes the watch off its watcher when it is disposed.</param>
    public SaveWatch(string workflowId, Action<SaveWatch> forget)
    {
        WorkflowId = workflowId;
        _forget = forget;
    }

    public string WorkflowId { get; }

    /// <summary>A save of the workflow: <paramref name="data"/> as saved, or null for "read it yourself".</summary>
    public void Saved(object? data)
    {
        TaskCompletionSource? waiting;
        lock (_gate)
        {
            _saved = true;
            _data = data;
            waiting = _waiting;
            _waiting = null;
        }

        waiting?.TrySetResult();
    }

    public async Task<object?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_saved)
                {
                    var data = _data;
                    _saved = false;
                    _data = null;
                    return data;
                }

                // Shared by calls that gave up (their token) and the next one: a save that wakes no one stays marked.
                _waiting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                signal = _waiting.Task;
            }

            await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _data = null;
        }

        _forget(this);
    }
}
