using OneVisit.Rules.Guides;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.WhatIf;
using OneVisit.Rules.WhatIf.Populations;

namespace OneVisit.Rules.Tests.WhatIf;

/// <summary>The catalogue-wide visits report: worst cases as the guides state them, typical and best from a population.</summary>
public sealed class VisitsReportTests
{
    private static readonly Lazy<VisitsReport> Uniform = new(() => VisitsReport.Build(SampleCatalogue.Catalog));

    [Fact]
    public void Build_SampleCatalogue_EveryProcedureAndBundleOnceMostVisitsFirst()
    {
        var report = Uniform.Value;

        Assert.Equal(SampleCatalogue.Catalog.Procedures.Keys.Order(StringComparer.Ordinal), report.Procedures.Select(p => p.Code).Order(StringComparer.Ordinal));
        Assert.Equal(SampleCatalogue.Catalog.Bundles.Keys.Order(StringComparer.Ordinal), report.Bundles.Select(b => b.Code).Order(StringComparer.Ordinal));
        Assert.Equal(report.Procedures.OrderByDescending(p => p.WorstCase.Count).ThenBy(p => p.Code, StringComparer.Ordinal).Select(p => p.Code), report.Procedures.Select(p => p.Code));
        Assert.Equal(SampleCatalogue.Catalog.Info.AsOf, report.AsOf);
    }

    [Fact]
    public void Build_BirthBundle_OneTripAgainstFourDepartmentByDepartment()
    {
        var birth = Uniform.Value.Bundles.Single(b => b.Code == "330100-YJS-0001");

        Assert.Equal(1, birth.WorstCase.Count);
        Assert.Equal(4, birth.WorstCase.NaiveSum);
        Assert.Equal(3, birth.WorstCase.Saved);
        Assert.Equal(4, birth.WorstCase.PerMember.Count);
    }

    [Fact]
    public void Build_EveryBundle_StatesTheTripsAndNaiveSumItsGuideStates()
    {
        foreach (var bundle in Uniform.Value.Bundles)
        {
            var guide = BundleGuide.Build(SampleCatalogue.Catalog, SampleCatalogue.Catalog.Bundles[bundle.Code], english: true);
            var visits = guide.Sections.Single(s => s.Heading == "Visits in person").Blocks.OfType<GuideParagraph>().First().Text;

            Assert.StartsWith($"At most {bundle.WorstCase.Count} visit", visits, StringComparison.Ordinal);
            Assert.Contains($"; {bundle.WorstCase.NaiveSum} if each department", visits, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Build_EveryProcedure_StatesTheWorstCaseItsGuideStates()
    {
        foreach (var procedure in Uniform.Value.Procedures)
        {
            var guide = ServiceGuide.Build(SampleCatalogue.Catalog, SampleCatalogue.Catalog.Procedures[procedure.Code], personal: null, english: true);
            var visits = guide.Sections.Single(s => s.Heading == "Visits in person").Blocks.OfType<GuideParagraph>().First().Text;

            Assert.StartsWith(procedure.WorstCase.Count == 0 ? "No visit" : $"At most {procedure.WorstCase.Count} visit", visits, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Build_UniformPopulation_NoSituationNeedsMoreThanTheWorstCase()
    {
        var report = Uniform.Value;

        Assert.All(report.Procedures, p =>
        {
            Assert.Equal(UniformPopulation.DefaultSituationsPerCode, p.Population.Situations);
            Assert.True(p.Population.Most <= p.WorstCase.Count, $"{p.Code}: a situation needs {p.Population.Most} visits, the worst case says {p.WorstCase.Count}");
            Assert.True(p.Population.Best <= p.Population.Typical && p.Population.Typical <= p.WorstCase.Count, $"{p.Code}: best {p.Population.Best}, typical {p.Population.Typical}, worst {p.WorstCase.Count}");
        });
        Assert.All(report.Bundles, b =>
        {
            Assert.True(b.Population.Most <= b.WorstCase.Count, $"{b.Code}: a situation needs {b.Population.Most} trips, the worst case says {b.WorstCase.Count}");
            Assert.True(b.TypicalNaiveSum <= b.WorstCase.NaiveSum, $"{b.Code}: typical naive sum {b.TypicalNaiveSum} above the worst {b.WorstCase.NaiveSum}");
        });
    }

    [Fact]
    public void Build_SameSeedTwice_SameNumbers()
    {
        var first = VisitsReport.Build(SampleCatalogue.Catalog, new VisitsReportOptions { Population = new UniformPopulation(16, seed: 7) });
        var second = VisitsReport.Build(SampleCatalogue.Catalog, new VisitsReportOptions { Population = new UniformPopulation(16, seed: 7) });

        Assert.Equal(Numbers(first), Numbers(second));
        Assert.Equal(first.Population, second.Population);
    }

    [Fact]
    public void Build_UniformPopulation_SaysItIsGeneratedNotRealVolumes()
    {
        var population = Uniform.Value.Population;

        Assert.Equal(PopulationKind.Generated, population.Kind);
        Assert.Contains("not real volumes", population.Description, StringComparison.Ordinal);
        Assert.Equal((SampleCatalogue.Catalog.Procedures.Count + SampleCatalogue.Catalog.Bundles.Count) * UniformPopulation.DefaultSituationsPerCode, population.Situations);
    }

    [Fact]
    public void Build_WeightsFavourOneOutcome_TypicalFollowsTheWeight()
    {
        // SC-0001's situations need no visit or one, depending on the drawn facts: weighting one side decides the median.
        const string code = "330100-SC-0001";
        var drawn = new UniformPopulation().Read(SampleCatalogue.Catalog).Where(s => s.Code == code).ToList();
        var visits = SampleCatalogue.Engine.CheckMany([.. drawn.Select(s => new PrecheckRequest { ProcedureCode = code, AsOf = SampleCatalogue.Morning, Facts = s.Facts })])
            .Select(r => r.Verdict == Verdict.NotEligible ? -1 : r.Visits.Count).ToList();
        Assert.Contains(0, visits);
        Assert.Contains(1, visits);

        int? Typical(int favoured) => VisitsReport.Build(SampleCatalogue.Catalog, new VisitsReportOptions
        {
            Population = new ListPopulation([.. drawn.Select((s, i) => s with { Weight = visits[i] == favoured ? 1_000 : 1 })]),
        }).Procedures.Single(p => p.Code == code).Population.Typical;

        Assert.Equal(0, Typical(0));
        Assert.Equal(1, Typical(1));
    }

    [Fact]
    public void Build_PopulationOfOneProcedure_OthersHaveNoTypical()
    {
        var report = VisitsReport.Build(SampleCatalogue.Catalog, new VisitsReportOptions
        {
            Population = new ListPopulation([new Situation { Code = "330100-SC-0009", Weight = 3 }]),
            MinimumCellSize = 0, // three cases would be withheld otherwise; this test is about the codes with none
        });

        var others = report.Procedures.Where(p => p.Code != "330100-SC-0009").ToList();
        Assert.All(others, p => Assert.Null(p.Population.Typical));
        Assert.Equal(others.Count, report.Totals.ProceduresTypical.Unknown);
        Assert.Equal(3, report.Procedures.Single(p => p.Code == "330100-SC-0009").Population.Weight);
        Assert.Equal(PopulationKind.File, report.Population.Kind);
    }

    [Fact]
    public void Build_SituationOfUnknownCode_PopulationExceptionNamesIt()
    {
        var population = new ListPopulation([new Situation { Code = "330100-SC-0001" }, new Situation { Code = "330100-SC-9999" }]);

        var error = Assert.Throws<PopulationException>(() => VisitsReport.Build(SampleCatalogue.Catalog, new VisitsReportOptions { Population = population }));

        Assert.Contains("Situation 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("330100-SC-9999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SituationWithUndeclaredFact_PopulationExceptionNamesSituationAndFact()
    {
        var population = new ListPopulation(
        [
            new Situation { Code = "330100-SC-0001" },
            new Situation { Code = "330100-SC-0001", Facts = new Dictionary<string, object?> { ["applicant.shoe_size"] = 42 } },
        ]);

        var error = Assert.Throws<PopulationException>(() => VisitsReport.Build(SampleCatalogue.Catalog, new VisitsReportOptions { Population = population, BatchSize = 1 }));

        Assert.Contains("situation 2 (330100-SC-0001)", error.Message, StringComparison.Ordinal);
        Assert.Contains("applicant.shoe_size", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Numbers(VisitsReport report) =>
    [
        .. report.Procedures.Select(p => $"{p.Code} {p.WorstCase.Count} {p.Population.Best} {p.Population.Typical} {p.Population.Most} {p.Population.RefusedWeight}"),
        .. report.Bundles.Select(b => $"{b.Code} {b.WorstCase.Count}/{b.WorstCase.NaiveSum} {b.Population.Best} {b.Population.Typical} {b.TypicalNaiveSum}"),
    ];

    [Fact]
    public void Build_PopulationOfPeopleBelowTheMinimumCell_WithholdsEveryFigure_ButNotForAGeneratedOne()
    {
        var few = new ListPopulation(
            ListPopulation.Of("330100-SC-0003", 4, ("applicant.has_e_id", true)),
            ListPopulation.Of("330100-SC-0004", 40, ("applicant.has_smartphone", true)));

        var report = VisitsReport.Build(SampleCatalogue.Catalog, new VisitsReportOptions { Population = few });
        var generated = VisitsReport.Build(SampleCatalogue.Catalog, new VisitsReportOptions { Population = new UniformPopulation(4, seed: 1) });

        var small = report.Procedures.Single(p => p.Code == "330100-SC-0003").Population;
        Assert.Equal(new PopulationVisits(0, 0, 0, null, null, null) { Suppressed = true }, small);
        var large = report.Procedures.Single(p => p.Code == "330100-SC-0004").Population;
        Assert.False(large.Suppressed);
        Assert.Equal(40, large.Weight);
        Assert.All(generated.Procedures, p => Assert.False(p.Population.Suppressed));
    }
}
