using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using static OneVisit.Rules.Tests.Bundles.BirthBundle;

namespace OneVisit.Rules.Tests.Bundles;

/// <summary>The trips a bundle's guide states: the most any precheck of the bundle can come out with.</summary>
public sealed class BundleWorstCaseTests
{
    public static TheoryData<FlowVia, bool, BundleDelivery> Organisations => new()
    {
        { FlowVia.ELicence, true, BundleDelivery.Unified },
        { FlowVia.CitizenCarries, true, BundleDelivery.Unified },
        { FlowVia.CitizenCarries, false, BundleDelivery.PerMember },
        { FlowVia.Push, false, BundleDelivery.Unified },
    };

    [Theory]
    [MemberData(nameof(Organisations))]
    public void WorstCase_EachOrganisation_NeverBelowAPrecheckOfTheSameBundle(FlowVia via, bool jointWindow, BundleDelivery delivery)
    {
        var bundle = Define(via, jointWindow, delivery);
        var engine = Engine(bundle);
        var worst = BundleVisits.WorstCase(With(bundle), bundle);
        var answered = engine.CheckBundle(Request(window: jointWindow ? "hz_general_window" : null));
        var unanswered = engine.CheckBundle(new BundlePrecheckRequest { BundleCode = bundle.Code, AsOf = Support.SampleCatalogue.Morning, WindowId = jointWindow ? "hz_general_window" : null });

        Assert.True(worst.Count >= answered.Visits.Count, $"guide {worst.Count} < precheck {answered.Visits.Count}");
        Assert.True(worst.Count >= unanswered.Visits.Count, $"guide {worst.Count} < precheck {unanswered.Visits.Count}");
        Assert.Equal(bundle.Members.Count, worst.PerMember.Count);
        Assert.Equal(worst.PerMember.Values.Sum(), worst.NaiveSum);
    }

    [Fact]
    public void WorstCase_JointWindowAndEverythingPassedOn_OneTripAgainstEachMembersOwnGuide()
    {
        var bundle = Define();
        var catalog = With(bundle);

        var worst = BundleVisits.WorstCase(catalog, bundle);

        Assert.Equal(1, worst.Count);
        Assert.Equal(bundle.Members.Sum(m => VisitPrediction.WorstCase(catalog, catalog.Procedures[m.ProcedureCode]).Count), worst.NaiveSum);
    }

    private static ProcedureCatalog With(Bundle bundle)
    {
        var sample = Support.SampleCatalogue.Catalog;
        return new ProcedureCatalog(sample.Info, sample.Facts, [.. sample.Authorities.Values], [.. sample.Documents.Values], [.. sample.Procedures.Values], [bundle]);
    }
}
