using OneVisit.Workflows.Engine.Runtime;
using WorkflowCore.Interface;

namespace OneVisit.Workflows.PostgreSql.Engine.Cluster;

/// <summary>
/// One of WorkflowCore's queues shared through <c>wf_queue</c> (see <see cref="PostgresWorkQueues"/>). An id queued
/// while one of this node's consumers waits goes straight to it; otherwise it is written to the table, where any
/// node's consumer claims it.
/// </summary>
/// <remarks>
/// Work a node makes stays on it while it has a free consumer (no round trip, as on one node); what it cannot start
/// at once is there for every node, so a busy node sheds work to idle ones, and work queued by a node that then dies
/// is still in the table. A consumer waits for a hand-over, a pulse (this node wrote to the table, or another node's
/// <c>NOTIFY</c> arrived), or the poll interval, then claims from the table.
/// </remarks>
internal sealed class PostgresWorkQueue(PostgresWorkQueues owner, QueueType queue, TimeSpan pollInterval) : IWorkQueue
{
    private readonly Lock _gate = new();
    private readonly List<TaskCompletionSource<string>> _takers = [];
    private TaskCompletionSource _pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HandOuts _handOuts = new();

    public QueueType Queue => queue;

    /// <summary>Consumers of this node waiting for a hand-over (for tests and diagnostics).</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _takers.Count;
            }
        }
    }

    /// <summary>Ids this node queued that are not yet written to the table.</summary>
    public int Count => owner.Unwritten(queue);

    public bool Add(string id)
    {
        TaskCompletionSource<string>? taker = null;
        lock (_gate)
        {
            if (_takers.Count > 0)
            {
                taker = _takers[0];
                _takers.RemoveAt(0);
            }
        }

        if (taker is not null)
        {
            // Removed from _takers under the lock, so only this call completes it.
            taker.SetResult(id);
            return true;
        }

        return owner.Write(queue, id);
    }

    /// <summary>Wakes every waiting consumer to claim from the table.</summary>
    public void Pulse()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _pulse;
            _pulse = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        old.TrySetResult();
    }

    public bool TakeBounce(string id) => _handOuts.TakeBounce(id);

    public async Task<string?> TakeAsync(CancellationToken cancellationToken)
    {
        _handOuts.ConsumerReturned();
        while (!cancellationToken.IsCancellationRequested)
        {
            // The pulse is taken before the claim: a write that lands between a claim finding nothing and the wait
            // below has already completed it, so it is never missed.
            Task pulse;
            lock (_gate)
            {
                pulse = _pulse.Task;
            }

            if (await owner.ClaimAsync(queue, cancellationToken).ConfigureAwait(false) is { } claimed)
            {
                return _handOuts.HandOut(claimed);
            }

            var taker = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _takers.Add(taker);
            }

            using (var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var poll = Task.Delay(pollInterval, TimeProvider.System, wake.Token);
                await Task.WhenAny(taker.Task, pulse, poll).ConfigureAwait(false);
                await wake.CancelAsync().ConfigureAwait(false);
            }

            bool handedOver;
            lock (_gate)
            {
                handedOver = !_takers.Remove(taker);
            }

            if (handedOver)
            {
                // An Add took this consumer off the list and gives it the id (possibly a moment from now).
                var id = await taker.Task.ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    // Stopping: the id goes to the table for any node, rather than being dropped here.
                    owner.Write(queue, id);
                    return null;
                }

                return _handOuts.HandOut(id);
            }
        }

        return null;
    }

    public void Dispose()
    {
    }
}
