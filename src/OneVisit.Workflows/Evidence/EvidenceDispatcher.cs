using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Internal;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Evidence;

/// <summary>
/// Sends evidence requests to the departments' systems outside the workflow engine, so a slow department never
/// holds one of the engine's slots: a case records its request, waits for the answer as an event, and the
/// engine runs other cases meanwhile. Each answer is stored with its audit line, then published to the case's
/// wait once. A request that fails is sent again (same idempotency key) after <see cref="CaseOptions.StepRetryInterval"/>
/// until the case stops waiting for it; at most <see cref="CaseOptions.MaxRequestsPerDepartment"/> are in flight
/// per department, to spare its system.
/// </summary>
internal sealed class EvidenceDispatcher(
    ICaseStore store,
    ICaseStorage storage,
    EvidenceProviders providers,
    ICaseEvents events,
    CaseMetrics metrics,
    IOptions<CaseOptions> options,
    TimeProvider time,
    ILogger<EvidenceDispatcher> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (EvidenceDispatch Dispatch, Task Run)> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _departments = new(StringComparer.Ordinal);
    private CancellationTokenSource _stopping = new();

    /// <summary>Requests sent and not yet answered (for tests and metrics).</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>
    /// Sends again what was recorded but never answered, and hands over answers stored but not delivered. On a store
    /// other nodes share, it looks again every <see cref="CaseOptions.PollInterval"/> for the requests of nodes that
    /// died (the store hands each to one node).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = new CancellationTokenSource();
        await ResumeUndeliveredAsync(cancellationToken).ConfigureAwait(false);
        if (storage.SharedByNodes)
        {
            _rescan = PeriodicRescan.Start(time, options.Value.PollInterval, ResumeUndeliveredAsync, ex => Log.EvidenceRescanFailed(logger, ex), _stopping.Token);
        }
    }

    private PeriodicRescan? _rescan;

    private async Task ResumeUndeliveredAsync(CancellationToken cancellationToken)
    {
        foreach (var (request, materialId, response) in await store.UndeliveredEvidenceAsync(CaseEventNames.Evidence, cancellationToken).ConfigureAwait(false))
        {
            if (response is null)
            {
                Log.EvidenceResent(logger, request.CaseId, request.IdempotencyKey);
                Send(request, materialId, stepWaits: false);
            }
            else
            {
                await DeliverAsync(request, materialId, JsonSerializer.Deserialize(response, CaseJson.Default.EvidenceResponse)!, _stopping.Token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> in the background; a request already in flight is not sent twice. With
    /// <paramref name="stepWaits"/>, the sending step may take a quick answer itself (<see cref="EvidenceDispatch.TakeInlineAsync"/>).
    /// </summary>
    public EvidenceDispatch Send(EvidenceRequest request, string materialId, bool stepWaits)
    {
        using var slot = Reserve(request, materialId, stepWaits);
        return slot.InFlight ?? slot.Start();
    }

    /// <summary>
    /// Holds <paramref name="request"/>'s key on this node before the caller reads the store about it. A send of the key
    /// under way here is joined (<see cref="EvidenceSlot.InFlight"/>); otherwise the key is reserved until the caller
    /// starts the send or disposes the slot. The order matters: a send here removes its key only after storing the
    /// answer, so a step that reserves first and then reads the request's row either joins the send or finds the
    /// answer, and never sends a request this node has just had answered (the department would get it again).
    /// </summary>
    public EvidenceSlot Reserve(EvidenceRequest request, string materialId, bool stepWaits)
    {
        var token = _stopping.Token;
        var dispatch = new EvidenceDispatch(stepWaits);
        if (token.IsCancellationRequested)
        {
            return EvidenceSlot.Stopping(dispatch); // The request stays recorded and is sent on the next start.
        }

        // Added first, run after: GetOrAdd may run its factory twice under a race, and a second send would leave a
        // dispatch nobody decides. A reservation given back completes without sending.
        var go = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = (dispatch, Run: go.Task.ContinueWith(t => t.Result ? RunAsync(request, materialId, dispatch, token) : Task.CompletedTask, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap());
        var key = request.IdempotencyKey;
        while (!_inFlight.TryAdd(key, entry))
        {
            if (_inFlight.TryGetValue(key, out var existing))
            {
                return EvidenceSlot.Joining(existing.Dispatch);
            }
        }

        return EvidenceSlot.Reserved(dispatch, go, () => _inFlight.TryRemove(KeyValuePair.Create(key, entry)));
    }

    private async Task RunAsync(EvidenceRequest request, string materialId, EvidenceDispatch dispatch, CancellationToken cancellationToken)
    {
        try
        {
            var gate = _departments.GetOrAdd(request.DepartmentId, _ => new SemaphoreSlim(options.Value.MaxRequestsPerDepartment));
            EvidenceResponse? response;
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                response = await SendUntilAnsweredAsync(request, materialId, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }

            if (response is null)
            {
                return; // The case stopped waiting (timed out, or closed): nothing more to send.
            }

            metrics.EvidenceRequested(request.DepartmentId, response.Outcome);
            dispatch.Answered(response);
            if (!await dispatch.DeliverByEventAsync().ConfigureAwait(false))
            {
                return; // The step took the answer and stores it with its own save.
            }

            await store.SaveEvidenceAnswerAsync(request, materialId, response, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await DeliverAsync(request, materialId, response, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the request stays recorded without an answer and is sent again on the next start.
        }
        finally
        {
            _inFlight.TryRemove(request.IdempotencyKey, out _);
        }
    }

    private async Task<EvidenceResponse?> SendUntilAnsweredAsync(EvidenceRequest request, string materialId, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var response = await providers.For(request.DepartmentId).RequestAsync(request, cancellationToken).ConfigureAwait(false);
                ArgumentNullException.ThrowIfNull(response);
                if (!Enum.IsDefined(response.Outcome))
                {
                    throw new InvalidOperationException($"The provider for '{request.DepartmentId}' answered with an outcome outside EvidenceOutcome ({(int)response.Outcome}).");
                }

                return response;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var delay = options.Value.StepRetryInterval;
                Log.EvidenceSendFailed(logger, ex, request.CaseId, request.IdempotencyKey, request.DepartmentId, delay);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                if (await store.IsClaimedAsync(CaseEventNames.Evidence, CaseEventNames.AnswerKey(request.CaseId, materialId), cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }
        }
    }

    private async Task DeliverAsync(EvidenceRequest request, string materialId, EvidenceResponse response, CancellationToken cancellationToken)
    {
        var delivered = await events.PublishOnceAsync(request.CaseId, CaseEventNames.Evidence, CaseEventNames.AnswerKey(request.CaseId, materialId), response, request.DepartmentId, cancellationToken).ConfigureAwait(false);
        if (!delivered)
        {
            // The wait ended first (it timed out, or the case closed): the answer stays stored, and audited.
            Log.EvidenceAnswerLate(logger, request.CaseId, request.IdempotencyKey, request.DepartmentId);
        }
    }

    /// <summary>Stops sending; requests in flight are abandoned and sent again on the next start.</summary>
    public async Task StopAsync()
    {
        if (_rescan is { } rescan)
        {
            await rescan.DisposeAsync().ConfigureAwait(false);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_inFlight.Values.Select(v => v.Run)).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
