using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Testing;
using static OneVisit.Rules.Tests.Bundles.BirthBundle;

namespace OneVisit.Rules.Tests.Testing;

/// <summary>
/// Bundle cases run through the bundle precheck on 出生一件事 (built in code), and each expectation that does not hold
/// says what was expected, what came out and why, in the words of the test file.
/// </summary>
public sealed class BundlePolicyTestRunnerTests
{
    private static readonly SourceLocation Here = SourceLocation.StartOf("BundlePolicyTestRunnerTests.cs");

    [Fact]
    public void Run_BundleCaseAsThePolicySays_Passes()
    {
        var expect = new PolicyExpectation
        {
            Verdict = Verdict.OneVisit,
            Visits = 1,
            NaiveVisits = 4,
            Members = new Dictionary<string, MemberInclusion>
            {
                [Certificate] = MemberInclusion.Included,
                [Registration] = MemberInclusion.Included,
                [Insurance] = MemberInclusion.Included,
                [Card] = MemberInclusion.Included,
            },
            Materials = new Dictionary<string, MaterialStatus>
            {
                ["birth_medical_certificate"] = MaterialStatus.PassedOn,
                ["resident_id_card"] = MaterialStatus.Held,
                ["late_registration_statement"] = MaterialStatus.NotRequired,
            },
            OpenQuestions = [],
        };

        var outcome = PolicyTestRunner.Run(Engine(Define()), Case(expect));

        Assert.True(outcome.Passed, string.Join("; ", outcome.Mismatches));
        Assert.Null(outcome.Result);
        Assert.Equal("330100-YJS-0001", outcome.BundleResult?.Bundle.Code);
        Assert.Contains(outcome.FiredRules, r => r.Name.StartsWith(Registration, StringComparison.Ordinal));
    }

    [Fact]
    public void Run_OneTripExpectedButCertificateCarriedOnPaper_SaysWhyTheSecondTrip()
    {
        var outcome = PolicyTestRunner.Run(Engine(Define(via: FlowVia.CitizenCarries)), Case(new PolicyExpectation { Visits = 1 }));

        var mismatch = Assert.Single(outcome.Mismatches);
        Assert.Equal(("visits", "1"), (mismatch.What, mismatch.Expected));
        Assert.StartsWith("2 (trip 1: 综合受理窗口, ", mismatch.Actual, StringComparison.Ordinal);
        Assert.Contains("; trip 2: ", mismatch.Actual, StringComparison.Ordinal);
        Assert.Contains(Registration, mismatch.Actual.Split("trip 2: ")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WrongNaiveSum_ShowsEachMembersOwnVisits()
    {
        var outcome = PolicyTestRunner.Run(Engine(Define()), Case(new PolicyExpectation { NaiveVisits = 1 }));

        var mismatch = Assert.Single(outcome.Mismatches);
        Assert.Equal(
            $"naive_visits: expected 1, got 4 ({Certificate}: 1 + {Registration}: 1 + {Insurance}: 1 + {Card}: 1)",
            mismatch.ToString());
    }

    [Fact]
    public void Run_MemberExpectedExcludedButIncluded_SaysWhyItIsIncluded()
    {
        var expect = new PolicyExpectation { Members = new Dictionary<string, MemberInclusion> { [Card] = MemberInclusion.Excluded } };

        var outcome = PolicyTestRunner.Run(Engine(Define(cardWhen: "child.has_local_hukou")), Case(expect));

        var mismatch = Assert.Single(outcome.Mismatches);
        Assert.Equal(($"members.{Card}", "excluded"), (mismatch.What, mismatch.Expected));
        Assert.StartsWith("included (", mismatch.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PassedOnMaterialExpectedHeld_SaysWhoPassesItOn()
    {
        var expect = new PolicyExpectation { Materials = new Dictionary<string, MaterialStatus> { ["birth_medical_certificate"] = MaterialStatus.Held } };

        var outcome = PolicyTestRunner.Run(Engine(Define()), Case(expect));

        var mismatch = Assert.Single(outcome.Mismatches);
        Assert.Equal(("materials.birth_medical_certificate", "held"), (mismatch.What, mismatch.Expected));
        Assert.StartsWith("passed_on (由", mismatch.Actual, StringComparison.Ordinal);
        Assert.EndsWith($"used by {Registration})", mismatch.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MaterialNoMemberNeedsExpectedHeld_SaysNoMemberAsksForIt()
    {
        var expect = new PolicyExpectation { Materials = new Dictionary<string, MaterialStatus> { ["late_registration_statement"] = MaterialStatus.Held } };

        var outcome = PolicyTestRunner.Run(Engine(Define()), Case(expect));

        Assert.Equal("materials.late_registration_statement: expected held, got not_required (no member going ahead asks for it)", Assert.Single(outcome.Mismatches).ToString());
    }

    [Fact]
    public void Run_WrongVerdict_NamesWhatStandsInTheWay()
    {
        var outcome = PolicyTestRunner.Run(Engine(Define()), Case(new PolicyExpectation { Verdict = Verdict.OneVisit }, ("child.birth_date", new DateOnly(2016, 11, 1))));

        var mismatch = Assert.Single(outcome.Mismatches);
        Assert.Equal(("verdict", "one_visit"), (mismatch.What, mismatch.Expected));
        Assert.StartsWith("not_yet (", mismatch.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownBundle_ReportsTheErrorInsteadOfMismatches()
    {
        var outcome = PolicyTestRunner.Run(Engine(Define()), Case(new PolicyExpectation()) with { BundleCode = "330100-YJS-0009" });

        Assert.False(outcome.Passed);
        Assert.Empty(outcome.Mismatches);
        Assert.Contains("330100-YJS-0009", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRequest_BundleCase_Throws()
    {
        var testCase = Case(new PolicyExpectation());

        var thrown = Assert.Throws<ArgumentException>(() => PolicyTestRunner.ToRequest(testCase, SampleCatalogue.Catalog.Info));

        Assert.Contains("bundle 330100-YJS-0001", thrown.Message, StringComparison.Ordinal);
    }

    /// <summary>A bundle case for <see cref="BirthBundle.Request"/>'s family, at the joint window.</summary>
    internal static PolicyTestCase Case(PolicyExpectation expect, params (string Path, object? Value)[] overrides)
    {
        var request = Request(overrides: overrides);
        var facts = SampleCatalogue.Catalog.Facts;
        return new PolicyTestCase
        {
            Name = "出生一件事",
            BundleCode = request.BundleCode,
            AsOf = request.AsOf,
            WindowId = request.WindowId,
            Facts = [.. request.Facts.Select(f => new GivenFact(facts.Find(f.Key)!, f.Value, Here))],
            Documents = request.Documents,
            Expect = expect,
            Location = Here,
        };
    }
}
