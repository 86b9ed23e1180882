using OneVisit.Workflows.Actors;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>Every refused call leaves exactly one audit line saying who tried and why it was refused, and changes nothing else.</summary>
public sealed class RefusedAttemptTests
{
    [Fact]
    public async Task AuditLog_EachKindOfRefusal_IsAuditedOnceWithTheActorAndTheException()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("02-vehicle-transfer-out.yaml", "refusals"));
        var caseId = submitted.CaseId;
        var review = await harness.WaitForStage(caseId, CaseStage.UnderReview);
        var authority = review.AuthorityId;

        await Refused<UnexpectedCaseEventException>(harness, caseId, Intake, () => harness.Cases.ConfirmPickupAsync(caseId));
        await Refused<UnexpectedCaseEventException>(harness, caseId, Applicant, () => harness.Cases.SupplyDocumentsAsync(caseId, new SuppliedDocuments([new HeldDocument("sale_invoice")])));
        await Refused<AccessDeniedException>(harness, caseId, Reviewer, () => harness.Cases.As(RoleplayCases.Reviewer("hz_amr_shangcheng")).DecideAsync(caseId, new OfficerDecision(Approved: true)));
        Assert.Equal(CaseStage.UnderReview, (await harness.Cases.GetAsync(caseId)).Stage);

        await harness.Cases.DecideAsync(caseId, new OfficerDecision(Approved: true));
        await harness.WaitForStage(caseId, CaseStage.AwaitingPickup);
        await Refused<CaseConflictException>(harness, caseId, Reviewer, () => harness.Cases.DecideAsync(caseId, new OfficerDecision(Approved: false, Reason: "second thoughts")));
        Assert.Equal(RoleplayCases.OfficerId, (await harness.Cases.GetAsync(caseId)).Decision!.OfficerId);

        await harness.Cases.ConfirmPickupAsync(caseId);
        await harness.WaitForStage(caseId, CaseStage.Closed);
        await Refused<CaseClosedException>(harness, caseId, Reviewer, () => harness.Cases.DecideAsync(caseId, new OfficerDecision(Approved: true)));
        await Refused<CaseClosedException>(harness, caseId, Intake, () => harness.Cases.ConfirmPickupAsync(caseId));
        await Refused<CaseClosedException>(harness, caseId, Intake, () => harness.Cases.RecordVisitAsync(caseId, new VisitMade("asking about the plates")));

        var closed = await harness.Cases.GetAsync(caseId);
        Assert.Equal((CaseOutcome.Approved, 1), (closed.Outcome, closed.VisitsMade));
    }

    [Fact]
    public async Task AuditLog_DepartmentsRefusedAnswer_IsAuditedUnderTheDepartmentsIdAlsoOnceTheCaseClosed()
    {
        await using var harness = await CaseHarness.StartAsync(d => d.Answers[WaitsEndCases.Registry] = Simulation.SimulatedAnswer.Later);
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "department"));
        var caseId = submitted.CaseId;
        await harness.WaitUntil(caseId, s => s.Evidence.Any(e => e.State == "waiting"));

        await Refused<UnexpectedCaseEventException>(harness, caseId, "department:" + WaitsEndCases.Registry, () => harness.Cases.AnswerEvidenceAsync(caseId, WaitsEndCases.Certificate, EvidenceResponse.Later(WaitsEndCases.Local(2017, 3, 1))));
        await harness.Cases.AnswerEvidenceAsync(caseId, WaitsEndCases.Certificate, EvidenceResponse.Issued("HZ-RE-1"));
        await harness.WaitForStage(caseId, CaseStage.UnderReview);
        await Refused<UnexpectedCaseEventException>(harness, caseId, "department:" + WaitsEndCases.Registry, () => harness.Cases.AnswerEvidenceAsync(caseId, WaitsEndCases.Certificate, EvidenceResponse.Issued("HZ-RE-2")));
        await harness.Cases.DecideAsync(caseId, new OfficerDecision(Approved: true));
        await harness.WaitForStage(caseId, CaseStage.Closed);

        await Refused<CaseClosedException>(harness, caseId, "department:" + WaitsEndCases.Registry, () => harness.Cases.AnswerEvidenceAsync(caseId, WaitsEndCases.Certificate, EvidenceResponse.Issued("HZ-RE-3")));
    }

    // How the audit log names the actors the roleplay makes each call as.
    private const string Applicant = "applicant:330106198001010011";
    private const string Reviewer = "officer:" + RoleplayCases.OfficerId;
    private const string Intake = "officer:intake-3";

    /// <summary>Runs a call that must be refused with <typeparamref name="T"/>, and checks it added exactly one line: the attempt, by <paramref name="actor"/>.</summary>
    private static async Task Refused<T>(CaseHarness harness, string caseId, string actor, Func<Task> call)
        where T : CaseException
    {
        var before = await harness.Audit.ForCaseAsync(caseId);
        await Assert.ThrowsAsync<T>(call);
        var after = await harness.Audit.ForCaseAsync(caseId);

        Assert.Equal(before.Count + 1, after.Count);
        var line = after[^1];
        Assert.Equal((AuditActions.AttemptRefused, actor), (line.Action, line.Actor));
        Assert.StartsWith(typeof(T).Name + ":", line.Detail, StringComparison.Ordinal);
        Assert.Equal(harness.Time.GetUtcNow(), line.At);
    }
}
