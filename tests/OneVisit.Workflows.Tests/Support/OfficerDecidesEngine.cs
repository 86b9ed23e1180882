using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>
/// Starts every case with the terms a catalogue saying <c>supplement: {on_missed: officer_decides}</c> (and the same
/// for its gaps) would give it. The catalogue key is not read yet, so tests of what the runtime does with it set it
/// here; everything else is the real engine. Register with the harness's <c>overrides</c>.
/// </summary>
internal sealed class OfficerDecidesEngine(ICaseEngine inner) : ICaseEngine
{
    public Task<string> StartAsync(CaseData data, CancellationToken cancellationToken)
    {
        data.Terms.SupplementOnMissed = MissedDeadlines.OfficerDecides;
        foreach (var owed in data.Owed)
        {
            owed.OnMissed = MissedDeadlines.OfficerDecides;
        }

        return inner.StartAsync(data, cancellationToken);
    }

    public Task EnsureDefinitionAsync(CaseTerms terms, CancellationToken cancellationToken) => inner.EnsureDefinitionAsync(terms, cancellationToken);

    public Task PublishAsync(string eventName, string eventKey, object payload, CancellationToken cancellationToken) => inner.PublishAsync(eventName, eventKey, payload, cancellationToken);

    public Task<CaseData?> LoadAsync(string workflowId, CancellationToken cancellationToken) => inner.LoadAsync(workflowId, cancellationToken);

    public Task<string?> FindWorkflowAsync(string caseId, CancellationToken cancellationToken) => inner.FindWorkflowAsync(caseId, cancellationToken);
}
