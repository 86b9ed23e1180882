using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// The case runtime's metrics, on the meter <c>OneVisit.Cases</c>: what an operations team watches —
/// cases in and out, evidence requests per department, escalations, and how long cases take.
/// </summary>
internal sealed class CaseMetrics
{
    public const string MeterName = "OneVisit.Cases";

    private readonly Counter<long> _submitted;
    private readonly Counter<long> _closed;
    private readonly Counter<long> _evidenceRequests;
    private readonly Counter<long> _escalations;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _bundlesSubmitted;
    private readonly Counter<long> _bundlesClosed;
    private readonly Histogram<double> _bundleDuration;

    public CaseMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _submitted = meter.CreateCounter<long>("onevisit.cases.submitted", description: "Cases submitted, by procedure.");
        _closed = meter.CreateCounter<long>("onevisit.cases.closed", description: "Cases closed, by procedure and outcome.");
        _evidenceRequests = meter.CreateCounter<long>("onevisit.evidence.requests", description: "Evidence requests sent, by department and answer.");
        _escalations = meter.CreateCounter<long>("onevisit.cases.escalations", description: "Time limits near or passed, by limit.");
        _duration = meter.CreateHistogram<double>("onevisit.cases.duration", unit: "d", description: "Days from submission to closing, by procedure and outcome.");
        _bundlesSubmitted = meter.CreateCounter<long>("onevisit.bundles.submitted", description: "Bundle cases (一件事) submitted, by bundle.");
        _bundlesClosed = meter.CreateCounter<long>("onevisit.bundles.closed", description: "Bundle cases closed, by bundle and outcome.");
        _bundleDuration = meter.CreateHistogram<double>("onevisit.bundles.duration", unit: "d", description: "Days from a bundle's submission to its closing, by bundle and outcome.");
    }

    public void Submitted(string procedure) => _submitted.Add(1, new KeyValuePair<string, object?>("procedure", procedure));

    public void Closed(string procedure, CaseOutcome outcome, TimeSpan took)
    {
        var tags = new TagList { { "procedure", procedure }, { "outcome", outcome.ToString() } };
        _closed.Add(1, tags);
        _duration.Record(took.TotalDays, tags);
    }

    public void BundleSubmitted(string bundle) => _bundlesSubmitted.Add(1, new KeyValuePair<string, object?>("bundle", bundle));

    public void BundleClosed(string bundle, CaseOutcome outcome, TimeSpan took)
    {
        var tags = new TagList { { "bundle", bundle }, { "outcome", outcome.ToString() } };
        _bundlesClosed.Add(1, tags);
        _bundleDuration.Record(took.TotalDays, tags);
    }

    public void EvidenceRequested(string department, Evidence.EvidenceOutcome answer) =>
        _evidenceRequests.Add(1, new KeyValuePair<string, object?>("department", department), new KeyValuePair<string, object?>("answer", answer.ToString()));

    public void Escalated(string limit, bool passed) =>
        _escalations.Add(1, new KeyValuePair<string, object?>("limit", limit), new KeyValuePair<string, object?>("passed", passed));
}
