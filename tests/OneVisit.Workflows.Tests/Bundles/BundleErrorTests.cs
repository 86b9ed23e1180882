using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;
using static OneVisit.Workflows.Tests.Bundles.BirthBundleCases;

namespace OneVisit.Workflows.Tests.Bundles;

/// <summary>Calls that go to the wrong case of a bundle, retries and bad joint applications: typed errors, nothing recorded.</summary>
public abstract class BundleErrorCases
{
    private protected BundleErrorCases(CaseStore store) => Store = store;

    /// <summary>The store this run of the suite puts its cases on.</summary>
    private protected CaseStore Store { get; }

    private static readonly DateOnly BirthDay = new(2019, 7, 15);

    [Fact]
    public async Task SubmitAsync_SameKeyTwice_ReturnsTheSameBundleCase_DifferentApplicationIsRefused()
    {
        await using var harness = await Store.HarnessOn(BirthDay);
        var submission = harness.Bundle("05-birth-bundle.yaml", "same-key");

        var first = await harness.Bundles.SubmitAsync(submission);
        var again = await harness.Bundles.SubmitAsync(submission);
        var other = submission with { Application = submission.Application with { LeftOut = ["330100-SC-0008"] } };

        Assert.Equal(first.BundleCaseId, again.BundleCaseId);
        var duplicate = await Assert.ThrowsAsync<DuplicateSubmissionException>(() => harness.Bundles.SubmitAsync(other));
        Assert.Equal(first.BundleCaseId, duplicate.CaseId);
        var listed = Assert.Single(await harness.Cases.ListAsync(), c => c.IsBundle);
        Assert.Equal(("330100-YJS-0001", "hz_health_shangcheng"), (listed.ProcedureCode, listed.AuthorityId));
    }

    [Fact]
    public async Task CaseCalls_OnTheBundleCaseOrAMemberNotStarted_AreTypedErrorsThatSayWhereToGo()
    {
        await using var harness = await Store.HarnessOn(BirthDay);
        var submitted = await harness.Bundles.SubmitAsync(harness.Bundle("05-birth-bundle.yaml", "wrong"));
        var running = await harness.WaitUntilBundle(submitted.BundleCaseId, b => Member(b, "330100-SC-0005").CaseStage == CaseStage.UnderReview);
        var certificate = Member(running, "330100-SC-0005");
        var hukou = Member(running, "330100-SC-0006");

        var onBundle = await Assert.ThrowsAsync<WrongBundleMemberException>(() => harness.Cases.DecideAsync(submitted.BundleCaseId, new OfficerDecision(true)));
        Assert.Contains(certificate.CaseId!, onBundle.Message);
        var notStarted = await Assert.ThrowsAsync<WrongBundleMemberException>(() => harness.Cases.DecideAsync(hukou.CaseId!, new OfficerDecision(true)));
        Assert.Equal(submitted.BundleCaseId, notStarted.BundleCaseId);
        Assert.Contains("cannot start yet", notStarted.Message);
        Assert.Contains("出生医学证明", notStarted.Message);
        await Assert.ThrowsAsync<WrongBundleMemberException>(() => harness.Cases.GetAsync(submitted.BundleCaseId));
        var memberAsBundle = await Assert.ThrowsAsync<WrongBundleMemberException>(() => harness.Bundles.GetAsync(certificate.CaseId!));
        Assert.Contains(submitted.BundleCaseId, memberAsBundle.Message);
        await Assert.ThrowsAsync<CaseNotFoundException>(() => harness.Bundles.GetAsync("B-nothing"));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => harness.Cases.GetAsync(submitted.BundleCaseId + "-9"));
        await Assert.ThrowsAsync<UnexpectedCaseEventException>(() => harness.Bundles.ConfirmPickupAsync(submitted.BundleCaseId));
        await Assert.ThrowsAsync<WrongBundleMemberException>(() => harness.Bundles.SupplyDocumentsAsync(submitted.BundleCaseId, new SuppliedDocuments([new HeldDocument("resident_id_card")])));

        // The refused pickup and supplement are audited on the bundle; nothing else changed.
        var audit = await harness.Audit.ForCaseAsync(submitted.BundleCaseId);
        Assert.Equal(2, audit.Count(a => a.Action == AuditActions.AttemptRefused));
        Assert.Equal(BundleMemberState.CannotStartYet, Member(await harness.Bundles.GetAsync(submitted.BundleCaseId), "330100-SC-0006").State);
    }

    [Fact]
    public async Task GetAsync_SingleCaseAsABundle_SaysItIsACaseOnItsOwn()
    {
        await using var harness = await Store.StartAsync();
        var single = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "single"));

        var error = await Assert.ThrowsAsync<WrongBundleMemberException>(() => harness.Bundles.GetAsync(single.CaseId));
        Assert.Contains("on its own", error.Message);
    }

    [Fact]
    public async Task SubmitAsync_InclusionStillOpen_IsIncompleteAndNothingIsStored()
    {
        await using var harness = await Store.HarnessOn(BirthDay);
        var submission = harness.Bundle("05-birth-bundle.yaml", "open");
        var facts = new Dictionary<string, object?>(submission.Application.Facts);
        facts.Remove("child.has_local_hukou");

        var error = await Assert.ThrowsAsync<IncompleteApplicationException>(() => harness.Bundles.SubmitAsync(submission with { Application = submission.Application with { Facts = facts } }));

        Assert.Contains(error.Questions, q => q.Contains("330100-SC-0007", StringComparison.Ordinal));
        Assert.Empty(await harness.Cases.ListAsync());
    }

    [Fact]
    public async Task SubmitAsync_RequiredMemberNotEligible_BundleIsNotAdmittedAndNoMemberStarts()
    {
        await using var harness = await Store.HarnessOn(BirthDay);
        var submission = harness.Bundle("05-birth-bundle.yaml", "not-admitted");
        var facts = new Dictionary<string, object?>(submission.Application.Facts) { ["child.born_in_licensed_institution"] = false };

        var submitted = await harness.Bundles.SubmitAsync(submission with { Application = submission.Application with { Facts = facts } });
        var closed = await harness.WaitUntilBundle(submitted.BundleCaseId, b => b.IsClosed);

        Assert.Equal(CaseOutcome.NotAdmitted, closed.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(closed.OutcomeReason));
        Assert.DoesNotContain(closed.Members, m => m.State is BundleMemberState.Running or BundleMemberState.Done);
        Assert.DoesNotContain(await harness.Cases.ListAsync(), c => c.BundleCaseId == submitted.BundleCaseId);
    }

    [Fact]
    public async Task SubmitAsync_BadKeyOrUnknownBundle_IsRefusedBeforeAnythingIsStored()
    {
        await using var harness = await Store.HarnessOn(BirthDay);
        var submission = harness.Bundle("05-birth-bundle.yaml", "bad");

        await Assert.ThrowsAsync<InvalidCaseInputException>(() => harness.Bundles.SubmitAsync(submission with { IdempotencyKey = " padded " }));
        await Assert.ThrowsAsync<InvalidApplicationException>(() => harness.Bundles.SubmitAsync(submission with { Application = submission.Application with { BundleCode = "330100-YJS-9999" } }));
        Assert.Empty(await harness.Cases.ListAsync());
    }
}

public sealed class SqliteBundleErrorTests() : BundleErrorCases(CaseStore.Sqlite);

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresBundleErrorTests(PostgresClusterFixture postgres) : BundleErrorCases(CaseStore.PostgreSql(postgres));
