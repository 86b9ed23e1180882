using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>The runtime reports cases in and out, and evidence requests, on the meter <c>OneVisit.Cases</c>.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_Case_ReportsItsSubmissionEvidenceAndClosing()
    {
        var measured = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        await using var harness = await CaseHarness.StartAsync();
        var factory = harness.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this harness's meter: other tests run cases in parallel.
            if (instrument.Meter.Name == CaseMetrics.MeterName && instrument.Meter.Scope == factory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();

        var submitted = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "metrics", "metrics-applicant"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));
        await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);
        listener.Dispose();

        Assert.Contains(measured, m => m.Instrument == "onevisit.cases.submitted" && (string?)m.Tags["procedure"] == "330100-SC-0004");
        Assert.Contains(measured, m => m.Instrument == "onevisit.evidence.requests" && (string?)m.Tags["department"] == "hz_real_estate_registry" && (string?)m.Tags["answer"] == "Issued");
        Assert.Contains(measured, m => m.Instrument == "onevisit.cases.closed" && (string?)m.Tags["outcome"] == "Approved");
        Assert.Contains(measured, m => m.Instrument == "onevisit.cases.duration" && m.Value >= 0);

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            measured.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
    }
}
