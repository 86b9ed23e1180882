using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Audit;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>Every mistake a caller can make gets a typed error, and nothing stored changes.</summary>
public sealed class CaseErrorTests
{
    [Fact]
    public async Task SubmitAsync_UnknownProcedure_IsRefusedBeforeAnythingIsStored()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submission = harness.Errand("03-company-name-province.yaml", "unknown");
        submission = submission with { Application = submission.Application with { ProcedureCode = "330100-SC-9999" } };

        var error = await Assert.ThrowsAsync<InvalidApplicationException>(() => harness.Cases.SubmitAsync(submission));

        Assert.Contains("330100-SC-9999", error.Message);
        Assert.Empty(await harness.Cases.ListAsync());
    }

    [Fact]
    public async Task SubmitAsync_RepeatedKey_ReturnsTheSameCaseAndRefusesADifferentApplicationUnderIt()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submission = harness.Errand("03-company-name-province.yaml", "key-1");
        var first = await harness.Cases.SubmitAsync(submission);

        var retry = await harness.Cases.SubmitAsync(submission);
        var other = harness.Errand("04-housing-fund-rent-withdrawal.yaml", "key-1");
        var error = await Assert.ThrowsAsync<DuplicateSubmissionException>(() => harness.Cases.SubmitAsync(other));

        Assert.Equal(first.CaseId, retry.CaseId);
        Assert.Equal(first.CaseId, error.CaseId);
        Assert.Single(await harness.Cases.ListAsync());
    }

    [Fact]
    public async Task DecideAsync_OfficerOfAnotherAuthority_IsRefused()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "authority"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        var auditBefore = await harness.Audit.ForCaseAsync(submitted.CaseId);

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            harness.Cases.As(RoleplayCases.Reviewer("hz_amr_shangcheng")).DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true)));

        Assert.Equal(CaseOperation.Decide, error.Operation);
        Assert.Contains("a reviewer's post at zj_amr, the case's competent authority", error.Message, StringComparison.Ordinal);
        // Nothing changed but the line recording the attempt, with who tried and why it was refused.
        var auditAfter = await harness.Audit.ForCaseAsync(submitted.CaseId);
        Assert.Equal(auditBefore.Count + 1, auditAfter.Count);
        Assert.Equal((AuditActions.AttemptRefused, "officer:" + RoleplayCases.OfficerId), (auditAfter[^1].Action, auditAfter[^1].Actor));
        Assert.StartsWith("AccessDeniedException:", auditAfter[^1].Detail, StringComparison.Ordinal);
        Assert.Equal(CaseStage.UnderReview, (await harness.Cases.GetAsync(submitted.CaseId)).Stage);
    }

    [Fact]
    public async Task Events_ForAClosedCase_AreRefused()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "closed"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: false, Reason: "name already taken"));
        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        var error = await Assert.ThrowsAsync<CaseClosedException>(() =>
            harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true)));

        Assert.Equal(CaseOutcome.Refused, closed.Outcome);
        Assert.Equal(CaseOutcome.Refused, error.Outcome);
        Assert.Equal(CaseOutcome.Refused, (await harness.Cases.GetAsync(submitted.CaseId)).Outcome);
    }

    [Fact]
    public async Task Events_CaseNotWaitingForThem_AreRefusedWithWhatItWaitsFor()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", "early"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.AwaitingSupplement);

        var early = await Assert.ThrowsAsync<UnexpectedCaseEventException>(() =>
            harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true)));
        var wrongDocument = await Assert.ThrowsAsync<UnexpectedCaseEventException>(() =>
            harness.Cases.SupplyDocumentsAsync(submitted.CaseId, new SuppliedDocuments([new HeldDocument("marriage_certificate")])));
        var pickup = await Assert.ThrowsAsync<UnexpectedCaseEventException>(() => harness.Cases.ConfirmPickupAsync(submitted.CaseId));

        Assert.Contains("not under review", early.Message);
        Assert.Contains("房屋租赁合同 (lease_contract)", wrongDocument.Message);
        Assert.Contains("AwaitingSupplement", pickup.Message);
        Assert.Equal(CaseStage.AwaitingSupplement, (await harness.Cases.GetAsync(submitted.CaseId)).Stage);
    }

    [Fact]
    public async Task DecideAsync_RefusalWithoutAReasonOrUnknownCase_IsRefused()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "reason"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);

        await Assert.ThrowsAsync<UnexpectedCaseEventException>(() =>
            harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: false)));
        var missing = await Assert.ThrowsAsync<CaseNotFoundException>(() => harness.Cases.GetAsync("C-NOPE"));

        Assert.Contains("C-NOPE", missing.Message);
    }

    [Fact]
    public async Task SubmitAsync_IneligibleApplicant_IsNotAdmittedWithTheReasons()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(CaseHarness.WithFacts(harness.Errand("02-vehicle-transfer-out.yaml", "seized"), f => f["vehicle.is_seized"] = true));

        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.NotAdmitted, closed.Outcome);
        Assert.Contains("查封", closed.OutcomeReason);
        Assert.Contains("（机动车登记规定（公安部令第124号） 第二十条）", closed.OutcomeReason);
    }

    [Fact]
    public async Task SubmitAsync_IneligibleApplicantWithAnOpenQuestion_IsNotAdmittedRatherThanAskedForMore()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(CaseHarness.WithFacts(harness.Errand("02-vehicle-transfer-out.yaml", "seized-unknown-buyer"), f =>
        {
            f["vehicle.is_seized"] = true;
            f.Remove("buyer.is_enterprise");
        }));

        var closed = await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        Assert.Equal(CaseOutcome.NotAdmitted, closed.Outcome);
        Assert.Contains("查封", closed.OutcomeReason);
    }
}
