namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>
/// The id a queue handed to WorkflowCore's consumer most recently, until the consumer comes back for the next one:
/// what stands for "that item is still in flight" when the consumer queues it again at once (see
/// <see cref="WorkQueue.TakeBounce"/>). Each queue, in memory or shared, keeps one.
/// </summary>
internal sealed class HandOuts
{
    private readonly Lock _gate = new();
    private string? _last;

    /// <summary>The consumer asks for its next item: what it was handed before is no longer in flight here.</summary>
    public void ConsumerReturned()
    {
        lock (_gate)
        {
            _last = null;
        }
    }

    /// <summary>Remembers <paramref name="id"/> as handed out, and returns it.</summary>
    public string HandOut(string id)
    {
        lock (_gate)
        {
            _last = id;
        }

        return id;
    }

    /// <summary>Whether queueing <paramref name="id"/> now is the consumer putting back what it was just handed; true at most once per hand-out.</summary>
    public bool TakeBounce(string id)
    {
        lock (_gate)
        {
            if (!string.Equals(_last, id, StringComparison.Ordinal))
            {
                return false;
            }

            _last = null;
            return true;
        }
    }
}
