using Microsoft.Extensions.DependencyInjection;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.WhatIf;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.History;
using OneVisit.Workflows.Tests.Bundles;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.History;

/// <summary>
/// Past cases read as a what-if population on a real SQLite store: one situation per case (or bundle case) with its
/// code, facts and documents and weight 1, nothing that names anyone, purged cases counted and left out, the read
/// authorized and an analyst's read recorded by one audit line.
/// </summary>
public sealed class CaseHistoryTests
{
    private const string Company = "330100-SC-0003";
    private const string Branch = "330100-SC-0001";
    private const string OtherApplicant = "330106198502020022";

    private static readonly CaseHistoryQuery February = new() { From = new DateOnly(2017, 2, 1), To = new DateOnly(2017, 2, 28) };

    private static void OneDayNoSweep(CaseOptions options)
    {
        options.RetainFinishedCasesFor = TimeSpan.FromDays(1);
        options.RetentionSweepInterval = TimeSpan.FromDays(30);
    }

    private static ICaseHistory History(CaseHarness harness) => harness.Services.GetRequiredService<ICaseHistory>();

    [Fact]
    public async Task ReadAsync_PastCases_SituationsCarryCodesFactsAndDocumentsAndNoIdentity()
    {
        await using var harness = await CaseHarness.StartAsync(options: OneDayNoSweep);
        var purged = await CloseAsync(harness, "old");
        harness.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await harness.Services.GetRequiredService<ICaseRetention>().PurgeAsync());
        var company = (await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "company"))).CaseId;
        var branch = (await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", "branch", applicant: OtherApplicant))).CaseId;

        var population = await History(harness).As(CaseActor.System).ReadAsync(February with { StoreName = "cases.db" });
        var situations = population.Read(harness.Catalog).ToList();

        Assert.Equal((PopulationKind.CaseHistory, 2L, 1L, 0L), (population.Kind, population.Cases, population.Purged, population.WithoutApplication));
        Assert.Equal("2 cases submitted 2017-02-01..2017-02-28 (UTC), every procedure and bundle, open and closed, 1 purged left out, from cases.db", population.Description);
        Assert.Equal([Company, Branch], situations.Select(s => s.Code));
        Assert.All(situations, s => Assert.Equal(1, s.Weight));
        var submitted = harness.Errand("03-company-name-province.yaml", "again").Application;
        var kept = situations[0];
        Assert.Equal(20000000m, Convert.ToDecimal(kept.Facts["enterprise.registered_capital"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(submitted.Facts["enterprise.industry"], kept.Facts["enterprise.industry"]);
        Assert.Equal(submitted.Facts["applicant.has_e_id"], kept.Facts["applicant.has_e_id"]);
        Assert.False(kept.Facts.ContainsKey("enterprise.name"), "a free-text fact (the company's name) must not reach a population");
        Assert.Equal(submitted.Documents.Select(d => d with { Location = null }), kept.Documents);

        var identities = new[] { CaseHarnessApplicant, OtherApplicant, company, branch, purged, "浙江某某科技有限公司" };
        var strings = situations.SelectMany(Strings).ToList();
        Assert.DoesNotContain(strings, s => identities.Any(id => s.Contains(id, StringComparison.Ordinal)));
        Assert.DoesNotContain(identities, id => population.Description.Contains(id, StringComparison.Ordinal));

        Assert.Matches("^[0-9a-f]{64}$", population.ContentHash);
        Assert.Equal(situations.Count, population.Read(harness.Catalog).Count());
        Assert.Equal(population.ContentHash, (await History(harness).As(CaseActor.System).ReadAsync(February)).ContentHash);
        Assert.DoesNotContain(await harness.Audit.ForCaseAsync("-"), l => l.Action == AuditActions.PopulationRead);
    }

    [Fact]
    public async Task ReadAsync_Analyst_OnlyTheirAuthoritysCasesAndOneAuditLineNamingThemThePurposeTheFilterAndTheCount()
    {
        await using var harness = await CaseHarness.StartAsync();
        var company = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "company"));
        await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", "branch", applicant: OtherApplicant));
        await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "company-2", applicant: OtherApplicant));
        var analyst = CaseActor.Officer("analyst-1", new OfficerPost(company.AuthorityId, OfficerRole.Analyst)).For("reform study 2017-3");

        var population = await History(harness).As(analyst).ReadAsync(February with { Codes = [Company] });

        Assert.Equal([Company, Company], population.Read(harness.Catalog).Select(s => s.Code));
        var line = Assert.Single(await harness.Audit.ForCaseAsync("-"), l => l.Action == AuditActions.PopulationRead);
        Assert.Equal(("officer:analyst-1", "reform study 2017-3", ""), (line.Actor, line.Purpose, line.SubjectId));
        Assert.Contains("read 2 applications, identities dropped: submitted 2017-02-01..2017-02-28 (UTC), " + Company + ", cases of " + company.AuthorityId, line.Detail, StringComparison.Ordinal);
        Assert.Contains(population.ContentHash, line.Detail, StringComparison.Ordinal);
        Assert.True((await harness.Audit.VerifyAsync()).AllVerified);

        // Reading the population again through the source writes nothing more: one line per read, not per case.
        _ = population.Read(harness.Catalog).ToList();
        Assert.Single(await harness.Audit.ForCaseAsync("-"), l => l.Action == AuditActions.PopulationRead);

        // An analyst's post reads populations, not cases.
        await Assert.ThrowsAsync<AccessDeniedException>(() => harness.Services.GetRequiredService<ICaseService>().As(analyst).GetAsync(company.CaseId));
    }

    [Fact]
    public async Task ReadAsync_NeitherAnalystNorHost_RefusedWithWhatWasNeededAndAudited()
    {
        await using var harness = await CaseHarness.StartAsync();
        var company = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "company"));
        var reviewer = CaseActor.Officer("reviewer-1", new OfficerPost(company.AuthorityId, OfficerRole.Reviewer));

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => History(harness).As(reviewer).ReadAsync(February));

        Assert.Equal(CaseOperation.ReadPopulation, denied.Operation);
        Assert.Contains("an analyst's post (OfficerRole.Analyst)", denied.Message, StringComparison.Ordinal);
        var line = Assert.Single(await harness.Audit.ForCaseAsync("-"));
        Assert.Equal((AuditActions.AttemptRefused, "officer:reviewer-1"), (line.Action, line.Actor));
        await Assert.ThrowsAsync<AccessDeniedException>(() => History(harness).As(CaseActor.Applicant(CaseHarnessApplicant)).ReadAsync(February));
    }

    [Fact]
    public async Task Read_StoreChangedSinceTheCount_ThrowsInsteadOfAMismatchedRecord()
    {
        await using var harness = await CaseHarness.StartAsync();
        await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "company"));
        var population = await History(harness).As(CaseActor.System).ReadAsync(February);
        await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", "branch", applicant: OtherApplicant));

        var error = Assert.Throws<PopulationException>(() => population.Read(harness.Catalog).ToList());

        Assert.Contains("changed while the population was read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ToBeforeFrom_RefusedSayingWhichWayRound()
    {
        await using var harness = await CaseHarness.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidCaseInputException>(() => History(harness).As(CaseActor.System).ReadAsync(February with { To = new DateOnly(2017, 1, 1) }));

        Assert.Contains("query.To (2017-01-01) is before query.From (2017-02-01)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BundleCase_OneSituationUnderTheBundleCodeAndItsMembersNotCountedAgain()
    {
        await using var harness = await BundleDriver.HarnessOn(new DateOnly(2019, 7, 15));
        var bundleCaseId = (await harness.Bundles.SubmitAsync(harness.Bundle("05-birth-bundle.yaml", "bundle"))).BundleCaseId;
        var closed = await BundleDriver.RunToEndAsync(harness, bundleCaseId);
        Assert.Contains(closed.Members, m => m.CaseId is not null);

        var population = await History(harness).As(CaseActor.System).ReadAsync(new CaseHistoryQuery { From = new DateOnly(2019, 7, 1), To = new DateOnly(2019, 7, 31) });

        var situation = Assert.Single(population.Read(harness.Catalog));
        Assert.Equal("330100-YJS-0001", situation.Code);
        Assert.NotEmpty(situation.Facts);
    }

    private const string CaseHarnessApplicant = "330106198001010011";

    /// <summary>Submits an errand and refuses it; returns the closed case's id.</summary>
    private static async Task<string> CloseAsync(CaseHarness harness, string key)
    {
        var caseId = (await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", key))).CaseId;
        await harness.WaitForStage(caseId, CaseStage.UnderReview);
        await harness.Cases.DecideAsync(caseId, new OfficerDecision(Approved: false, Reason: "name already taken"));
        await harness.WaitForStage(caseId, CaseStage.Closed);
        return caseId;
    }

    /// <summary>Every string a situation holds: code, fact paths and values, and every field of every document.</summary>
    private static IEnumerable<string> Strings(Situation situation) =>
        [
            situation.Code,
            .. situation.Facts.Keys,
            .. situation.Facts.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            .. situation.Documents.Select(d => d.ToString()),
        ];
}
