using System.Collections.Concurrent;
using OneVisit.Workflows.Evidence;

namespace OneVisit.Workflows.Simulation;

/// <summary>How one simulated department answers.</summary>
public enum SimulatedAnswer
{
    /// <summary>Issues the document.</summary>
    Issue,

    /// <summary>Answers "later"; the test or demo answers through <c>ICaseService.AnswerEvidenceAsync</c>.</summary>
    Later,

    /// <summary>Holds no such document.</summary>
    NotFound,

    /// <summary>Refuses.</summary>
    Refuse,
}

/// <summary>Settings of <see cref="SimulatedDepartments"/>; section <c>OneVisit:Workflows:SimulatedDepartments</c> by convention.</summary>
public sealed class SimulatedDepartmentsOptions
{
    /// <summary>How long each answer takes (on the injected clock). Default none.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>How every department answers unless listed in <see cref="Answers"/>. Default <see cref="SimulatedAnswer.Issue"/>.</summary>
    public SimulatedAnswer DefaultAnswer { get; set; } = SimulatedAnswer.Issue;

    /// <summary>Answers per department id.</summary>
    public Dictionary<string, SimulatedAnswer> Answers { get; } = new(StringComparer.Ordinal);

    /// <summary>How many times each department fails (throws) before answering, to exercise retries. Default 0.</summary>
    public int TransientFailures { get; set; }
}

/// <summary>
/// A SIMULATION of other departments' systems, for the sample catalogue, tests and the demo: it answers
/// every request from settings, never from real data. It keeps the contract a real provider must keep:
/// a repeated idempotency key gets the first answer and is not acted on twice. Replace it with real
/// <see cref="IEvidenceProvider"/>s in production.
/// </summary>
public sealed class SimulatedDepartments(SimulatedDepartmentsOptions options, TimeProvider time) : IEvidenceProvider
{
    private readonly ConcurrentDictionary<string, EvidenceResponse> _answered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<EvidenceRequest> _received = new();

    /// <summary>Every request received, repeats included, in order.</summary>
    public IReadOnlyCollection<EvidenceRequest> Received => _received;

    /// <summary>Requests acted on: one per idempotency key.</summary>
    public int Acted => _answered.Count;

    /// <inheritdoc />
    public async Task<EvidenceResponse> RequestAsync(EvidenceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _received.Enqueue(request);
        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, time, cancellationToken).ConfigureAwait(false);
        }

        if (_answered.TryGetValue(request.IdempotencyKey, out var first))
        {
            return first;
        }

        if (options.TransientFailures > 0 && _failures.AddOrUpdate(request.DepartmentId, 1, (_, n) => n + 1) <= options.TransientFailures)
        {
            throw new TimeoutException($"Simulated department '{request.DepartmentId}' is unavailable (simulated transient failure).");
        }

        var answer = options.Answers.GetValueOrDefault(request.DepartmentId, options.DefaultAnswer) switch
        {
            SimulatedAnswer.Issue => EvidenceResponse.Issued($"SIM-{request.DepartmentId}-{Math.Abs(request.IdempotencyKey.GetHashCode(StringComparison.Ordinal)) % 1_000_000:D6}"),
            SimulatedAnswer.Later => EvidenceResponse.Later(time.GetUtcNow().AddHours(4)),
            SimulatedAnswer.NotFound => EvidenceResponse.NotFound($"simulated: {request.DepartmentId} holds no {request.DocumentId} for this subject"),
            _ => EvidenceResponse.Refused($"simulated: {request.DepartmentId} refuses the request"),
        };
        return _answered.GetOrAdd(request.IdempotencyKey, answer);
    }
}
