using System.Threading.Channels;
using OneVisit.Workflows.Deadlines;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>An escalation observer that hands each escalation to the test as it is raised.</summary>
internal sealed class EscalationRecorder : ICaseEscalationObserver
{
    private readonly Channel<CaseEscalation> _seen = Channel.CreateUnbounded<CaseEscalation>();
    private readonly List<CaseEscalation> _all = [];

    /// <summary>Every escalation read so far by <see cref="Next"/>, skipped ones included.</summary>
    public IReadOnlyList<CaseEscalation> Read => _all;

    /// <summary>The next escalation that matches (others are skipped); fails after 30 seconds as a guard, not a wait.</summary>
    public async Task<CaseEscalation> Next(Func<CaseEscalation, bool> match)
    {
        while (true)
        {
            var next = await _seen.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            _all.Add(next);
            if (match(next))
            {
                return next;
            }
        }
    }

    public Task OnEscalationAsync(CaseEscalation escalation, CancellationToken cancellationToken) =>
        _seen.Writer.WriteAsync(escalation, cancellationToken).AsTask();
}
