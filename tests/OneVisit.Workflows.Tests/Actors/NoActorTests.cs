using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Actors;

/// <summary>
/// Who acts when a call names no one: with no accessor registered, no one, and every call is denied with a message
/// saying how to fix it; with <c>UseActors(sp => principal)</c>, the host's signed-in principal, read through
/// <see cref="CaseActorClaims"/> on each call; <c>As(actor)</c> always wins.
/// </summary>
public sealed class NoActorTests
{
    private const string Subject = "330106198001010011";
    private const string Other = "330106199001010022";

    [Fact]
    public async Task EveryCall_NoAccessorAndNoAs_IsDeniedToNoOneSayingHowToFixIt()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "no-one"));
        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        var caseId = review.CaseId;
        var cases = harness.Services.GetRequiredService<ICaseService>();
        var bundles = harness.Services.GetRequiredService<IBundleCaseService>();
        var log = harness.Services.GetRequiredService<IAuditLog>();
        var before = await harness.Audit.ForCaseAsync(caseId);
        var calls = new (string Name, CaseOperation Operation, Func<Task> Call)[]
        {
            ("SubmitAsync", CaseOperation.Submit, () => cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "no-one-2"))),
            ("GetAsync", CaseOperation.Read, () => cases.GetAsync(caseId)),
            ("ListAsync", CaseOperation.List, () => cases.ListAsync()),
            ("SupplyDocumentsAsync", CaseOperation.SupplyDocuments, () => cases.SupplyDocumentsAsync(caseId, new SuppliedDocuments([new HeldDocument("name_pre_approval_application")]))),
            ("SignCommitmentAsync", CaseOperation.SignCommitment, () => cases.SignCommitmentAsync(caseId, new SignedCommitment(review.Evidence.First().MaterialId))),
            ("AnswerEvidenceAsync", CaseOperation.AnswerEvidence, () => cases.AnswerEvidenceAsync(caseId, review.Evidence.First().MaterialId, EvidenceResponse.Issued("X-1"))),
            ("DecideAsync", CaseOperation.Decide, () => cases.DecideAsync(caseId, new OfficerDecision(true))),
            ("RecordVisitAsync", CaseOperation.RecordVisit, () => cases.RecordVisitAsync(caseId, new VisitMade("asking"))),
            ("ConfirmPickupAsync", CaseOperation.ConfirmPickup, () => cases.ConfirmPickupAsync(caseId)),
            ("WaitUntilAsync", CaseOperation.Read, () => cases.WaitUntilAsync(caseId, _ => true, TimeSpan.FromSeconds(30))),
            ("bundles.GetAsync", CaseOperation.Read, () => bundles.GetAsync(caseId)),
            ("bundles.RecordVisitAsync", CaseOperation.RecordVisit, () => bundles.RecordVisitAsync(caseId, new VisitMade("asking"))),
            ("log.ForCaseAsync", CaseOperation.ReadAudit, () => log.ForCaseAsync(caseId)),
            ("log.ForSubjectAsync", CaseOperation.ReadSubjectAudit, () => log.ForSubjectAsync(Subject)),
            ("log.WhoLookedAsync", CaseOperation.ReadSubjectAudit, () => log.WhoLookedAsync(Subject)),
            ("log.VerifyAsync", CaseOperation.VerifyAudit, () => log.VerifyAsync(caseId)),
        };

        var wrong = new List<string>();
        foreach (var (name, operation, call) in calls)
        {
            try
            {
                await call();
                wrong.Add($"{name}: was allowed");
            }
            catch (AccessDeniedException denied)
            {
                if (denied.Actor != AccessDeniedException.NoOne || denied.Operation != operation
                    || !denied.Message.StartsWith("No one is signed in to ", StringComparison.Ordinal)
                    || !denied.Message.Contains("ICaseActorAccessor", StringComparison.Ordinal)
                    || !denied.Message.Contains("As(actor)", StringComparison.Ordinal))
                {
                    wrong.Add($"{name}: {denied.Operation} to {denied.Actor}: {denied.Message}");
                }
            }
            catch (Exception other)
            {
                wrong.Add($"{name}: {other.GetType().Name}: {other.Message}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        var after = await harness.Audit.ForCaseAsync(caseId);
        Assert.Equal(before.Select(l => l.Sequence), after.Select(l => l.Sequence));
        Assert.Equal(CaseStage.UnderReview, (await harness.Cases.GetAsync(caseId)).Stage);
        Assert.Single(await harness.Cases.ListAsync());
    }

    [Fact]
    public async Task UseActors_SignedInApplicant_SubmitsAndReadsAsThemselves()
    {
        ClaimsPrincipal? signedIn = SignedIn(CaseActor.Applicant(Subject));
        await using var harness = await CaseHarness.StartAsync(workflows: w => w.UseActors(_ => signedIn));
        var cases = harness.Services.GetRequiredService<ICaseService>();

        var submitted = await cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "signed-in") with { ApplicantId = null });
        var read = await cases.GetAsync(submitted.CaseId);

        Assert.Equal((Subject, Subject), (submitted.ApplicantId, read.ApplicantId));
        var lines = await harness.Audit.ForCaseAsync(submitted.CaseId);
        var line = Assert.Single(lines, l => l.Action == AuditActions.Submitted);
        Assert.Equal($"applicant:{Subject}", line.Actor);
        Assert.DoesNotContain(lines, l => l.Action is AuditActions.DataRead or AuditActions.AttemptRefused);
    }

    [Fact]
    public async Task UseActors_PrincipalOfEachCall_DecidesWhoActs()
    {
        ClaimsPrincipal? signedIn = SignedIn(CaseActor.Applicant(Subject));
        await using var harness = await CaseHarness.StartAsync(workflows: w => w.UseActors(_ => signedIn));
        var cases = harness.Services.GetRequiredService<ICaseService>();
        var submitted = await cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "each-call"));
        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);

        signedIn = SignedIn(CaseActor.Applicant(Other));
        var other = await Assert.ThrowsAsync<AccessDeniedException>(() => cases.GetAsync(review.CaseId));
        Assert.Equal(($"applicant:{Other}", CaseOperation.Read), (other.Actor, other.Operation));

        signedIn = SignedIn(CaseActor.Officer("reviewer-3", new OfficerPost(review.AuthorityId, OfficerRole.Reviewer)));
        await cases.GetAsync(review.CaseId);
        var lastRead = (await harness.Audit.ForCaseAsync(review.CaseId))[^1];
        Assert.Equal((AuditActions.DataRead, "officer:reviewer-3"), (lastRead.Action, lastRead.Actor));

        // As() wins over whoever is signed in.
        signedIn = SignedIn(CaseActor.Applicant(Other));
        Assert.Equal(review.CaseId, (await cases.As(CaseActor.Applicant(Subject)).GetAsync(review.CaseId)).CaseId);

        signedIn = null;
        Assert.Equal(AccessDeniedException.NoOne, (await Assert.ThrowsAsync<AccessDeniedException>(() => cases.GetAsync(review.CaseId))).Actor);

        signedIn = new ClaimsPrincipal(new ClaimsIdentity(CaseActorClaims.ToClaims(CaseActor.Applicant(Subject))));
        Assert.Equal(AccessDeniedException.NoOne, (await Assert.ThrowsAsync<AccessDeniedException>(() => cases.GetAsync(review.CaseId))).Actor);

        signedIn = new ClaimsPrincipal(new ClaimsIdentity([new Claim(CaseActorClaims.Kind, "minister"), new Claim(ClaimTypes.NameIdentifier, "m-1")], "test"));
        var malformed = await Assert.ThrowsAsync<InvalidOperationException>(() => cases.GetAsync(review.CaseId));
        Assert.Contains(CaseActorClaims.Kind, malformed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseActors_Accessor_ServesTheAuditLogToo()
    {
        ClaimsPrincipal? signedIn = SignedIn(CaseActor.Applicant(Subject));
        await using var harness = await CaseHarness.StartAsync(workflows: w => w.UseActors(_ => signedIn));
        var submitted = await harness.Services.GetRequiredService<ICaseService>().SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "audit"));
        var log = harness.Services.GetRequiredService<IAuditLog>();

        var own = await log.ForSubjectAsync(Subject);
        signedIn = SignedIn(CaseActor.Applicant(Other));
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => log.ForCaseAsync(submitted.CaseId));

        Assert.Contains(own, l => l.CaseId == submitted.CaseId && l.Action == AuditActions.Submitted);
        Assert.Equal(($"applicant:{Other}", CaseOperation.ReadAudit, submitted.CaseId), (denied.Actor, denied.Operation, denied.CaseId));
    }

    [Fact]
    public async Task UseActorsOfT_CustomAccessor_IsWhoActs()
    {
        await using var harness = await CaseHarness.StartAsync(workflows: w => w.UseActors<FixedDepartment>());

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => harness.Services.GetRequiredService<ICaseService>().ListAsync());

        Assert.Equal("department:hz_psb", denied.Actor);
    }

    private static ClaimsPrincipal SignedIn(CaseActor actor) => new(new ClaimsIdentity(CaseActorClaims.ToClaims(actor), authenticationType: "test"));

    private sealed class FixedDepartment : ICaseActorAccessor
    {
        public CaseActor? Current => CaseActor.Department("hz_psb");
    }
}
