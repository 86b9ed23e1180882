namespace OneVisit.Workflows.Evidence;

/// <summary>
/// This node's hold on one request key, taken before the sending step reads the store (see
/// <see cref="EvidenceDispatcher.Reserve"/>): the key is either already in flight here (<see cref="InFlight"/>), or
/// reserved for this step, which then <see cref="Start"/>s the send or, disposing the slot unstarted, gives it back.
/// </summary>
internal sealed class EvidenceSlot : IDisposable
{
    private readonly EvidenceDispatch _dispatch;
    private readonly TaskCompletionSource<bool>? _go;
    private readonly Action? _release;
    private bool _started;

    private EvidenceSlot(EvidenceDispatch dispatch, bool inFlight, TaskCompletionSource<bool>? go, Action? release)
    {
        _dispatch = dispatch;
        InFlight = inFlight ? dispatch : null;
        _go = go;
        _release = release;
    }

    /// <summary>The send of this key already under way on this node, which the step joins instead of sending again.</summary>
    public EvidenceDispatch? InFlight { get; }

    /// <summary>A key this node is sending already.</summary>
    internal static EvidenceSlot Joining(EvidenceDispatch dispatch) => new(dispatch, inFlight: true, null, null);

    /// <summary>A key reserved for the caller: <paramref name="go"/> runs the send with true, and is told false after <paramref name="release"/>.</summary>
    internal static EvidenceSlot Reserved(EvidenceDispatch dispatch, TaskCompletionSource<bool> go, Action release) => new(dispatch, inFlight: false, go, release);

    /// <summary>The dispatcher is stopping: nothing will be sent, and the request stays recorded for the next start.</summary>
    internal static EvidenceSlot Stopping(EvidenceDispatch dispatch) => new(dispatch, inFlight: false, null, null);

    /// <summary>Sends the reserved request (or joins the one in flight); the dispatch hands its answer over.</summary>
    public EvidenceDispatch Start()
    {
        _started = true;
        _go?.TrySetResult(true);
        return _dispatch;
    }

    /// <summary>Gives an unstarted reservation back: the key is free for the next send.</summary>
    public void Dispose()
    {
        if (!_started && _release is not null)
        {
            _release();
            _go!.TrySetResult(false);
        }
    }
}
