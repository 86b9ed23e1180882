namespace OneVisit.Workflows.Evidence;

/// <summary>
/// One request in flight, and who hands its answer to the case: the step that sent it, when the department
/// answers within <see cref="CaseOptions.EvidenceInlineWait"/> (the case goes on in the same step, as a fast
/// department allows), or else the dispatcher, as an event the case's wait receives.
/// </summary>
internal sealed class EvidenceDispatch
{
    private const int Undecided = 0, Inline = 1, ByEvent = 2;

    private readonly TaskCompletionSource<EvidenceResponse> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _decided = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _owner;

    /// <param name="stepWaits">False for a request sent again on start: no step waits inline, the answer goes as an event.</param>
    public EvidenceDispatch(bool stepWaits)
    {
        if (!stepWaits)
        {
            _owner = ByEvent;
            _decided.SetResult(true);
        }
    }

    /// <summary>The department answered.</summary>
    public void Answered(EvidenceResponse response) => _answer.TrySetResult(response);

    /// <summary>The dispatcher learns whether the answer still needs delivering as an event (true) or the step took it.</summary>
    public Task<bool> DeliverByEventAsync() => _decided.Task;

    /// <summary>
    /// The step waits up to <paramref name="budget"/> (real time: it bounds how long a slot is held, it is not a
    /// deadline of the case) and takes the answer if it came; otherwise the answer will arrive as an event.
    /// </summary>
    public async Task<EvidenceResponse?> TakeInlineAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        try
        {
            if (budget > TimeSpan.Zero)
            {
                await _answer.Task.WaitAsync(budget, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (TimeoutException)
        {
            // Slower than the budget: the engine's slot is given back and the answer comes as an event.
        }
        finally
        {
            var inline = _answer.Task.IsCompletedSuccessfully && Interlocked.CompareExchange(ref _owner, Inline, Undecided) == Undecided;
            if (!inline)
            {
                Interlocked.CompareExchange(ref _owner, ByEvent, Undecided);
            }

            _decided.TrySetResult(Volatile.Read(ref _owner) == ByEvent);
        }

        return Volatile.Read(ref _owner) == Inline ? _answer.Task.Result : null;
    }
}
