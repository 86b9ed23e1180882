using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Simulation;
using OneVisit.Workflows.Tests.Support;
using static OneVisit.Workflows.Tests.Bundles.BirthBundleCases;

namespace OneVisit.Workflows.Tests.Bundles;

/// <summary>A refused member and the bundle's rule, a department answering "later", and the bundle's one notice.</summary>
public abstract class BundleRulesCases
{
    private protected BundleRulesCases(CaseStore store) => Store = store;

    /// <summary>The store this run of the suite puts its cases on.</summary>
    private protected CaseStore Store { get; }

    private static readonly DateOnly BirthDay = new(2019, 7, 15);

    [Fact]
    public async Task DecideAsync_CertificateRefused_StopsTheMembersThatNeedItAndTheRestGoesOn()
    {
        await using var harness = await Store.HarnessOn(BirthDay);
        var submitted = await harness.Bundles.SubmitAsync(harness.Bundle("05-birth-bundle.yaml", "refused"));

        var closed = await BundleDriver.RunToEndAsync(harness, submitted.BundleCaseId, new Dictionary<string, string> { ["330100-SC-0005"] = "the birth was not in a licensed institution" });

        Assert.Equal(CaseOutcome.PartlyApproved, closed.Outcome);
        Assert.Equal(BundleMemberState.Refused, Member(closed, "330100-SC-0005").State);
        Assert.Contains("not in a licensed institution", Member(closed, "330100-SC-0005").Why);
        // stop_dependents: the hukou needs the certificate, and insurance needs the hukou: neither starts.
        Assert.All(new[] { Member(closed, "330100-SC-0006"), Member(closed, "330100-SC-0007") }, m =>
        {
            Assert.Equal(BundleMemberState.Stopped, m.State);
            Assert.Null(m.CaseStage);
            Assert.Contains("stops the members that need its output", m.Why);
        });
        Assert.Equal(BundleMemberState.Done, Member(closed, "330100-SC-0008").State);
        Assert.Empty(closed.Passed);
        var audit = await harness.Audit.ForCaseAsync(submitted.BundleCaseId);
        Assert.Equal(2, audit.Count(a => a.Action == AuditActions.MemberStopped));
        Assert.Equal(2, audit.Count(a => a.Action == AuditActions.MemberStarted));
        await Assert.ThrowsAsync<WrongBundleMemberException>(() => harness.Cases.GetAsync(Member(closed, "330100-SC-0006").CaseId!));
    }

    [Fact]
    public async Task DecideAsync_CardRefused_BundleRuleContinuesAndEveryOtherMemberIsDone()
    {
        await using var harness = await Store.HarnessOn(BirthDay);
        var submitted = await harness.Bundles.SubmitAsync(harness.Bundle("05-birth-bundle.yaml", "card-refused"));

        var closed = await BundleDriver.RunToEndAsync(harness, submitted.BundleCaseId, new Dictionary<string, string> { ["330100-SC-0008"] = "no digital photo on file" });

        Assert.Equal(CaseOutcome.PartlyApproved, closed.Outcome);
        Assert.Equal(BundleMemberState.Refused, Member(closed, "330100-SC-0008").State);
        Assert.Equal(3, closed.Members.Count(m => m.State == BundleMemberState.Done));
        Assert.Equal(2, closed.Passed.Count);
    }

    [Fact]
    public async Task DecideAsync_ProducerRefusedUnderContinue_ConsumerStartsAndAsksTheApplicantInItsOwnNotice()
    {
        using var catalogue = TempCatalogue.Copy(RepositoryRoot.SampleCatalogue);
        catalogue.Edit("bundles/330100-yjs-0001-birth.yaml", yaml => yaml.Replace(
            "  - procedure: 330100-SC-0005   # 出生医学证明\n",
            "  - procedure: 330100-SC-0005   # 出生医学证明\n    on_refused: continue\n",
            StringComparison.Ordinal));
        await using var harness = await Store.HarnessOn(BirthDay, catalog: catalogue.Path);
        var submitted = await harness.Bundles.SubmitAsync(harness.Bundle("05-birth-bundle.yaml", "continue"));
        var first = await harness.WaitUntilBundle(submitted.BundleCaseId, b => Member(b, "330100-SC-0005").CaseStage == CaseStage.UnderReview);
        await Decide(harness, first, "330100-SC-0005", approved: false, reason: "the hospital has no record of the birth");

        var waiting = await harness.WaitUntilBundle(submitted.BundleCaseId, b => Member(b, "330100-SC-0006").State == BundleMemberState.Waiting);
        var hukouCase = await harness.Cases.GetAsync(Member(waiting, "330100-SC-0006").CaseId!);
        Assert.Equal(CaseStage.AwaitingSupplement, hukouCase.Stage);
        Assert.Equal("birth_certificate", Assert.Single(hukouCase.Awaiting).MaterialId);
        var closed = await BundleDriver.RunToEndAsync(harness, submitted.BundleCaseId);

        Assert.Equal(CaseOutcome.PartlyApproved, closed.Outcome);
        Assert.Equal(3, closed.Members.Count(m => m.State == BundleMemberState.Done));
        Assert.Equal("330100-SC-0006", Assert.Single(closed.Passed).FromProcedure);
        Assert.Contains(await harness.Audit.ForCaseAsync(submitted.BundleCaseId), a => a.Detail.Contains("goes ahead without", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerEvidenceAsync_DepartmentAnswersLater_MemberWaitsThenGoesOnAndTheBundleFinishes()
    {
        await using var harness = await Store.HarnessOn(BirthDay, d => d.Answers["hz_civil_affairs"] = SimulatedAnswer.Later);
        var submitted = await harness.Bundles.SubmitAsync(harness.Bundle("05-birth-bundle.yaml", "later"));
        var first = await harness.WaitUntilBundle(submitted.BundleCaseId, b => Member(b, "330100-SC-0005").CaseStage == CaseStage.UnderReview);
        await Decide(harness, first, "330100-SC-0005");

        var waiting = await harness.WaitUntilBundle(submitted.BundleCaseId, b => Member(b, "330100-SC-0006").State == BundleMemberState.Waiting);
        var hukou = Member(waiting, "330100-SC-0006");
        Assert.Contains("hz_civil_affairs", hukou.Why);
        var memberCase = await harness.Cases.GetAsync(hukou.CaseId!);
        var later = memberCase.Evidence.Single(e => e.State == "waiting");
        await harness.Cases.AnswerEvidenceAsync(hukou.CaseId!, later.MaterialId, EvidenceResponse.Issued("HZ-MC-2016-0815"));

        var closed = await BundleDriver.RunToEndAsync(harness, submitted.BundleCaseId);
        Assert.Equal(CaseOutcome.Approved, closed.Outcome);
        Assert.All(closed.Members, m => Assert.Equal(BundleMemberState.Done, m.State));
    }

    [Fact]
    public async Task SupplyDocumentsAsync_OneNoticeForTheWholeBundle_IsAnsweredOnceAndNoMemberAsksAgain()
    {
        // After a death: the heir has no notarised inheritance certificate yet; the housing fund needs it.
        await using var harness = await Store.HarnessOn(AfterDeath);
        var submitted = await harness.Bundles.SubmitAsync(harness.Bundle("07-after-death-bundle.yaml", "notice"));

        var notice = await harness.WaitUntilBundle(submitted.BundleCaseId, b => b.Stage == CaseStage.AwaitingSupplement);
        var item = Assert.Single(notice.Awaiting);
        Assert.Equal((Inheritance, "supply", "applicant"), (item.MaterialId, item.Action, item.From));
        Assert.Contains("继承权公证书", notice.Notice);
        Assert.All(notice.Members, m => Assert.Equal(BundleMemberState.Pending, m.State));
        await Assert.ThrowsAsync<UnexpectedCaseEventException>(() => harness.Bundles.SupplyDocumentsAsync(submitted.BundleCaseId, new SuppliedDocuments([new HeldDocument("marriage_certificate")])));
        await harness.Bundles.SupplyDocumentsAsync(submitted.BundleCaseId, new SuppliedDocuments([new HeldDocument(Inheritance, IssuedOn: new DateOnly(2019, 5, 21))]));
        var accepted = await harness.WaitUntilBundle(submitted.BundleCaseId, b => b.Stage == CaseStage.Accepted);
        Assert.Empty(accepted.Awaiting);

        var closed = await BundleDriver.RunToEndAsync(harness, submitted.BundleCaseId);
        Assert.Equal(CaseOutcome.Approved, closed.Outcome);
        var audit = await harness.Audit.ForCaseAsync(submitted.BundleCaseId);
        Assert.Single(audit, a => a.Action == AuditActions.NoticeIssued);
        Assert.Single(audit, a => a.Action == AuditActions.Supplemented);
        foreach (var member in closed.Members)
        {
            Assert.DoesNotContain(await harness.Audit.ForCaseAsync(member.CaseId!), a => a.Action == AuditActions.NoticeIssued);
        }

        await Assert.ThrowsAsync<CaseClosedException>(() => harness.Bundles.SupplyDocumentsAsync(submitted.BundleCaseId, new SuppliedDocuments([new HeldDocument(Inheritance)])));
    }

    [Fact]
    public async Task SupplementDeadline_Passes_BundleIsWithdrawnAndNoMemberStarts()
    {
        await using var harness = await Store.HarnessOn(AfterDeath);
        var submitted = await harness.Bundles.SubmitAsync(harness.Bundle("07-after-death-bundle.yaml", "withdrawn"));
        var notice = await harness.WaitUntilBundle(submitted.BundleCaseId, b => b.Stage == CaseStage.AwaitingSupplement);

        harness.Time.SetUtcNow(notice.Awaiting.Single().Due!.Value.AddMinutes(1));
        var closed = await harness.WaitUntilBundle(submitted.BundleCaseId, b => b.IsClosed);

        Assert.Equal(CaseOutcome.Withdrawn, closed.Outcome);
        Assert.All(closed.Members, m => Assert.Equal(BundleMemberState.Stopped, m.State));
        Assert.Empty(closed.Deliveries);
        Assert.DoesNotContain(await harness.Cases.ListAsync(), c => c.BundleCaseId == submitted.BundleCaseId);
        await Assert.ThrowsAsync<WrongBundleMemberException>(() => harness.Cases.DecideAsync(closed.Members[0].CaseId!, new OfficerDecision(true)));
    }

    private static readonly DateOnly AfterDeath = new(2019, 5, 20);

    private const string Inheritance = "notarised_inheritance_certificate";
}

public sealed class SqliteBundleRulesTests() : BundleRulesCases(CaseStore.Sqlite);

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresBundleRulesTests(PostgresClusterFixture postgres) : BundleRulesCases(CaseStore.PostgreSql(postgres));
