using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Bundles;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Actors;

/// <summary>
/// Who may read and act on a bundle case: 出生一件事 (330100-YJS-0001), applied for by the mother at the hospital's joint
/// desk (hz_birth_joint_desk, of the lead authority hz_health_shangcheng), its members decided by other authorities. The
/// bundle is for its applicant, the officers of its lead and of its members' authorities, and the host's processing;
/// its visits and pickup are recorded by the office. What a wrong call through <see cref="ICaseService"/> would tell
/// (the members' case ids and authorities) is only told to those who may read the bundle.
/// </summary>
public sealed class BundleAuthorizationTests
{
    private const string Mother = "330106199001010022";
    private const string Stranger = "330106198001010011";
    private const string Certificate = "330100-SC-0005";
    private const string Hukou = "330100-SC-0006";
    private const string Card = "330100-SC-0008";
    private const string Unrelated = "hz_housing_fund";

    [Fact]
    public async Task GetAsync_ApplicantAndOfficersOfLeadAndMembers_MayReadTheBundle()
    {
        await using var harness = await BirthBundleCases.BirthHarness();
        var bundle = await AcceptedAsync(harness, "read");
        var memberAuthority = MemberAuthority(bundle);
        var readers = new[]
        {
            CaseActor.Applicant(Mother),
            Officer("reviewer-5", memberAuthority, OfficerRole.Reviewer),
            Officer("auditor-5", memberAuthority, OfficerRole.Auditor),
            Officer("intake-5", bundle.LeadAuthorityId, OfficerRole.IntakeWindow),
            CaseActor.Agent("agent-5", new Mandate(Mother, harness.Time.GetUtcNow().AddDays(10), [bundle.BundleCode])),
            CaseActor.System,
        };

        foreach (var reader in readers)
        {
            var read = await harness.Bundles.As(reader).GetAsync(bundle.BundleCaseId);
            Assert.Equal((bundle.BundleCaseId, Mother), (read.BundleCaseId, read.ApplicantId));
        }

        // Reads by others than the applicant and the host are tracked on the bundle case.
        var reads = (await harness.Audit.ForCaseAsync(bundle.BundleCaseId)).Where(l => l.Action == AuditActions.DataRead).Select(l => l.Actor);
        Assert.Equal(["officer:reviewer-5", "officer:auditor-5", "officer:intake-5", $"agent:agent-5 for {Mother}"], reads);
    }

    [Theory]
    [InlineData("officer of an unrelated authority")]
    [InlineData("another applicant")]
    [InlineData("agent, mandate for a member's procedure only")]
    [InlineData("a member's department")]
    public async Task GetAsync_Others_AreDeniedAndAuditedOnTheBundleCase(string who)
    {
        await using var harness = await BirthBundleCases.BirthHarness();
        var bundle = await AcceptedAsync(harness, "denied");
        var actor = who switch
        {
            "officer of an unrelated authority" => Officer("reviewer-6", Unrelated, OfficerRole.Reviewer),
            "another applicant" => CaseActor.Applicant(Stranger),
            "agent, mandate for a member's procedure only" => CaseActor.Agent("agent-6", new Mandate(Mother, harness.Time.GetUtcNow().AddDays(10), [Certificate])),
            _ => CaseActor.Department("hz_health_shangcheng"),
        };
        var before = await harness.Audit.ForCaseAsync(bundle.BundleCaseId);

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => harness.Bundles.As(actor).GetAsync(bundle.BundleCaseId));

        Assert.Equal((bundle.BundleCaseId, CaseOperation.Read, actor.AuditName), (denied.CaseId, denied.Operation, denied.Actor));
        var after = await harness.Audit.ForCaseAsync(bundle.BundleCaseId);
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal((AuditActions.AttemptRefused, actor.AuditName, Mother), (after[^1].Action, after[^1].Actor, after[^1].SubjectId));
    }

    [Fact]
    public async Task RecordVisitAndConfirmPickup_LeadIntakeOfficerMay_TheApplicantMayNot()
    {
        await using var harness = await BirthBundleCases.BirthHarness();
        var bundle = await AcceptedAsync(harness, "office");
        var intake = Officer("intake-6", bundle.LeadAuthorityId, OfficerRole.IntakeWindow);
        var mother = CaseActor.Applicant(Mother);
        var reviewerOfMember = Officer("reviewer-6", MemberAuthority(bundle), OfficerRole.Reviewer);

        await harness.Bundles.As(intake).RecordVisitAsync(bundle.BundleCaseId, new VisitMade("joint application", "hz_birth_joint_desk"));
        // Authorized; refused only because nothing waits for pickup yet.
        await Assert.ThrowsAsync<UnexpectedCaseEventException>(() => harness.Bundles.As(intake).ConfirmPickupAsync(bundle.BundleCaseId));

        var deniedVisit = await Assert.ThrowsAsync<AccessDeniedException>(() => harness.Bundles.As(mother).RecordVisitAsync(bundle.BundleCaseId, new VisitMade("asking")));
        var deniedPickup = await Assert.ThrowsAsync<AccessDeniedException>(() => harness.Bundles.As(mother).ConfirmPickupAsync(bundle.BundleCaseId));
        var deniedReviewer = await Assert.ThrowsAsync<AccessDeniedException>(() => harness.Bundles.As(reviewerOfMember).RecordVisitAsync(bundle.BundleCaseId, new VisitMade("asking")));

        Assert.Equal((CaseOperation.RecordVisit, $"applicant:{Mother}"), (deniedVisit.Operation, deniedVisit.Actor));
        Assert.Equal((CaseOperation.ConfirmPickup, $"applicant:{Mother}"), (deniedPickup.Operation, deniedPickup.Actor));
        Assert.Equal((CaseOperation.RecordVisit, "officer:reviewer-6"), (deniedReviewer.Operation, deniedReviewer.Actor));
        Assert.Contains("intake", deniedVisit.Needed, StringComparison.Ordinal);
        var visit = Assert.Single(await harness.Visits.ForCaseAsync(bundle.BundleCaseId));
        Assert.Equal(("joint application", "hz_birth_joint_desk"), (visit.Purpose, visit.WindowId));
        var refused = (await harness.Audit.ForCaseAsync(bundle.BundleCaseId)).Where(l => l.Action == AuditActions.AttemptRefused).Select(l => l.Actor).ToList();
        Assert.Equal(["officer:intake-6", $"applicant:{Mother}", $"applicant:{Mother}", "officer:reviewer-6"], refused);
    }

    [Fact]
    public async Task CaseServiceOnTheBundleId_UnrelatedOfficer_IsDeniedWithoutTheMemberList()
    {
        await using var harness = await BirthBundleCases.BirthHarness();
        var bundle = await AcceptedAsync(harness, "wrong-service");
        var stranger = Officer("reviewer-7", Unrelated, OfficerRole.Reviewer);
        var memberIds = bundle.Members.Select(m => m.CaseId).OfType<string>().ToList();
        Assert.NotEmpty(memberIds);
        var before = (await harness.Audit.ForCaseAsync(bundle.BundleCaseId)).Count;

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => harness.CaseService.As(stranger).GetAsync(bundle.BundleCaseId));
        var deniedDecide = await Assert.ThrowsAsync<AccessDeniedException>(() => harness.CaseService.As(stranger).DecideAsync(bundle.BundleCaseId, new OfficerDecision(true)));

        foreach (var error in new[] { denied, deniedDecide })
        {
            Assert.Equal((bundle.BundleCaseId, CaseOperation.Read, "officer:reviewer-7"), (error.CaseId, error.Operation, error.Actor));
            Assert.All(memberIds, id => Assert.DoesNotContain(id, error.Message, StringComparison.Ordinal));
            Assert.DoesNotContain(Hukou, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before + 2, (await harness.Audit.ForCaseAsync(bundle.BundleCaseId)).Count);

        // Those who may read the bundle are told which members take the call.
        var told = await Assert.ThrowsAsync<WrongBundleMemberException>(() => harness.CaseService.As(Officer("reviewer-8", MemberAuthority(bundle), OfficerRole.Reviewer)).GetAsync(bundle.BundleCaseId));
        Assert.Equal(bundle.BundleCaseId, told.BundleCaseId);
        Assert.All(memberIds, id => Assert.Contains(id, told.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CaseServiceOnAMemberNotStarted_UnrelatedOfficer_IsDeniedWithoutWhyItWaits()
    {
        await using var harness = await BirthBundleCases.BirthHarness();
        var bundle = await AcceptedAsync(harness, "not-started");
        var hukou = bundle.Members.Single(m => m.ProcedureCode == Hukou);
        Assert.Equal(BundleMemberState.CannotStartYet, hukou.State);

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => harness.CaseService.As(Officer("reviewer-7", Unrelated, OfficerRole.Reviewer)).GetAsync(hukou.CaseId!));
        var told = await Assert.ThrowsAsync<WrongBundleMemberException>(() => harness.CaseService.As(CaseActor.Applicant(Mother)).GetAsync(hukou.CaseId!));

        Assert.Equal(bundle.BundleCaseId, denied.CaseId);
        Assert.DoesNotContain(Certificate, denied.Message, StringComparison.Ordinal);
        Assert.Contains(Certificate, told.Message, StringComparison.Ordinal);
        Assert.Equal(bundle.BundleCaseId, told.BundleCaseId);
    }

    [Fact]
    public async Task BundleServiceOnAMemberId_UnrelatedOfficer_IsDeniedWithoutNamingItsBundle()
    {
        await using var harness = await BirthBundleCases.BirthHarness();
        var bundle = await AcceptedAsync(harness, "member-id");
        var card = bundle.Members.Single(m => m.ProcedureCode == Card);
        var bundles = harness.Bundles;

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => bundles.As(Officer("reviewer-10", Unrelated, OfficerRole.Reviewer)).GetAsync(card.CaseId!));
        var told = await Assert.ThrowsAsync<WrongBundleMemberException>(() => bundles.As(Officer("reviewer-10", card.AuthorityId!, OfficerRole.Reviewer)).GetAsync(card.CaseId!));

        Assert.Equal((card.CaseId, CaseOperation.Read), (denied.CaseId, denied.Operation));
        Assert.DoesNotContain(bundle.BundleCaseId + " ", denied.Message, StringComparison.Ordinal);
        Assert.Contains(bundle.BundleCaseId, told.Message, StringComparison.Ordinal);
        Assert.Equal(AuditActions.AttemptRefused, (await harness.Audit.ForCaseAsync(card.CaseId!))[^1].Action);
    }

    [Fact]
    public async Task MemberCase_IsAnOrdinaryCase_ForItsOwnAuthoritysOfficers()
    {
        await using var harness = await BirthBundleCases.BirthHarness();
        var bundle = await AcceptedAsync(harness, "member");
        var card = bundle.Members.Single(m => m.ProcedureCode == Card);
        var certificate = bundle.Members.Single(m => m.ProcedureCode == Certificate);
        Assert.NotEqual(card.AuthorityId, certificate.AuthorityId);

        var read = await harness.CaseService.As(Officer("reviewer-9", card.AuthorityId!, OfficerRole.Reviewer)).GetAsync(card.CaseId!);
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => harness.CaseService.As(Officer("reviewer-9", card.AuthorityId!, OfficerRole.Reviewer)).DecideAsync(certificate.CaseId!, new OfficerDecision(true)));

        Assert.Equal((bundle.BundleCaseId, Mother), (read.BundleCaseId, read.ApplicantId));
        Assert.Equal((certificate.CaseId, CaseOperation.Decide), (denied.CaseId, denied.Operation));
        Assert.Contains(certificate.AuthorityId!, denied.Needed, StringComparison.Ordinal);
    }

    /// <summary>The mother's bundle, accepted, with the certificate and the card under review and nothing else moving.</summary>
    private static async Task<BundleCaseSnapshot> AcceptedAsync(CaseHarness harness, string key)
    {
        var submitted = await harness.Bundles.SubmitAsync(harness.Bundle("05-birth-bundle.yaml", key, Mother));
        var accepted = await harness.WaitUntilBundle(submitted.BundleCaseId, b =>
            b.Members.Single(m => m.ProcedureCode == Certificate).CaseStage == CaseStage.UnderReview
            && b.Members.Single(m => m.ProcedureCode == Card).CaseStage == CaseStage.UnderReview);
        Assert.Equal(("hz_health_shangcheng", "hz_birth_joint_desk"), (accepted.LeadAuthorityId, accepted.WindowId));
        Assert.DoesNotContain(accepted.Members, m => m.AuthorityId == Unrelated);
        return accepted;
    }

    /// <summary>A member's competent authority that is not the lead's.</summary>
    private static string MemberAuthority(BundleCaseSnapshot bundle) =>
        bundle.Members.Select(m => m.AuthorityId).OfType<string>().First(a => a != bundle.LeadAuthorityId);

    private static CaseActor Officer(string id, string authority, OfficerRole role) => CaseActor.Officer(id, new OfficerPost(authority, role));
}
