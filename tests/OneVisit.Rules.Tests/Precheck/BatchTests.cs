using OneVisit.Rules.Precheck;
using OneVisit.Rules.Testing;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>The batch path (one session per procedure) answers exactly as one check per application does.</summary>
public sealed class BatchTests
{
    [Fact]
    public void CheckMany_EverySamplePolicyCaseTwice_MatchesCheckInRequestOrder()
    {
        var requests = SampleCatalogue.ProcedureTests
            .Select(t => PolicyTestRunner.ToRequest(t, SampleCatalogue.Catalog.Info))
            .ToList();
        requests.AddRange(requests.AsEnumerable().Reverse().ToList());

        var batch = SampleCatalogue.Engine.CheckMany(requests);

        Assert.Equal(requests.Count, batch.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var single = SampleCatalogue.Engine.Check(requests[i]);
            Assert.Equal(Summary(single), Summary(batch[i]));
        }
    }

    [Fact]
    public void CheckMany_NoRequests_ReturnsNothing()
    {
        Assert.Empty(SampleCatalogue.Engine.CheckMany([]));
    }

    private static string Summary(PrecheckResult r) =>
        $"{r.Procedure.Code} {r.Verdict} {r.Eligibility.Eligible} {r.Routing.Authority.Id}->{r.Routing.ForwardedTo?.Id} visits={r.Visits.Count} "
        + string.Join(",", r.Materials.Select(m => $"{m.Id}:{m.Status}"))
        + " q=" + string.Join(",", r.OpenQuestions.Select(q => q.Path))
        + " fired=" + string.Join(",", r.FiredRules.Select(f => f.Name).Order(StringComparer.Ordinal));
}
