using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Bundles;

/// <summary>
/// A newborn's matter is about both parents: the mother applies (her consent goes with the submission) and the father,
/// named as a party, consents for himself. Each consent is recorded once, under the consenting party's own id.
/// </summary>
public abstract class ConsentCases
{
    private protected ConsentCases(CaseStore store) => Store = store;

    /// <summary>The store this run of the suite puts its cases on.</summary>
    private protected CaseStore Store { get; }

    private const string Mother = "330106199001010022";
    private const string Father = "330106198801010033";

    [Fact]
    public async Task ConsentAsync_EachParentForThemselves_IsRecordedOncePerPartyUnderTheirOwnId()
    {
        await using var harness = await Store.StartAsync();
        var submitted = await harness.Bundles.SubmitAsync(harness.Bundle("05-birth-bundle.yaml", "consent") with { Parties = [Father] });
        var id = submitted.BundleCaseId;
        Assert.Equal([(Mother, true), (Father, false)], submitted.Consents.Select(c => (c.SubjectId, c.GivenAt is not null)));

        // Only the named party may consent, and only for themselves; neither the mother nor a stranger can for him.
        var bundles = harness.Services.GetService(typeof(IBundleCaseService)) as IBundleCaseService;
        await Assert.ThrowsAsync<AccessDeniedException>(() => bundles!.As(CaseActor.Applicant(Mother)).ConsentAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => bundles!.As(CaseActor.Applicant("330106197001010044")).ConsentAsync(id));
        await bundles!.As(CaseActor.Applicant(Father)).ConsentAsync(id);
        await bundles.As(CaseActor.Applicant(Father)).ConsentAsync(id);

        var read = await bundles.As(CaseActor.Applicant(Father)).GetAsync(id);
        var father = Assert.Single(read.Consents, c => c.SubjectId == Father);
        Assert.Equal((harness.Time.GetUtcNow(), "applicant:" + Father), (father.GivenAt, father.By));
        Assert.NotNull(Assert.Single(read.Consents, c => c.SubjectId == Mother).GivenAt);

        var lines = await harness.Audit.ForSubjectAsync(Father);
        var consent = Assert.Single(lines, l => l.Action == AuditActions.Consented);
        Assert.Equal((id, "applicant:" + Father), (consent.CaseId, consent.Actor));
        Assert.Single(await harness.Audit.ForSubjectAsync(Mother), l => l.Action == AuditActions.Consented && l.CaseId == id);
        Assert.True((await harness.Audit.VerifyAsync(id)).AllVerified);
    }

    [Theory]
    [InlineData(Mother)]          // the applicant, whose consent goes with the submission
    [InlineData("3301\n06")]       // could forge a line
    public async Task SubmitAsync_BadParties_IsRefusedAndStoresNothing(string party)
    {
        await using var harness = await Store.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidCaseInputException>(() => harness.Bundles.SubmitAsync(harness.Bundle("05-birth-bundle.yaml", "bad-party") with { Parties = [party] }));

        Assert.StartsWith("submission.Parties", error.ParameterName, StringComparison.Ordinal);
        Assert.Empty(await harness.Cases.ListAsync());
    }
}

public sealed class SqliteConsentTests() : ConsentCases(CaseStore.Sqlite);

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresConsentTests(PostgresClusterFixture postgres) : ConsentCases(CaseStore.PostgreSql(postgres));
