using Microsoft.Extensions.DependencyInjection;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Actors;

/// <summary>
/// The data tracker (<see cref="IAuditLog.WhoLookedAsync"/>): every read of a subject's case by someone other than the
/// subject (an officer, an agent, a department's system) and every document asked of a department about them is a line
/// the subject can read, with who, when, what and why; the subject's own reads and the host's processing add none.
/// Errand 3 goes to the province's market regulator and fetches a document from a department; errand 4 goes to the
/// housing fund.
/// </summary>
public sealed class DataTrackerTests
{
    private const string Subject = "330106198001010011";
    private const string Other = "330106199001010022";
    private const string Complaint = "complaint 2017-17";
    private const string WholeCase = "the case: application facts, documents, evidence answers and decision";

    [Fact]
    public async Task WhoLookedAsync_OfficerAndAgentReads_AreListedWithWhoWhatWhyAndTheCase()
    {
        await using var harness = await CaseHarness.StartAsync();
        var review = await UnderReviewAsync(harness, "tracker");
        var reviewer = CaseActor.Officer("reviewer-9", new OfficerPost(review.AuthorityId, OfficerRole.Reviewer));
        var agent = CaseActor.Agent("agent-1", new Mandate(Subject, harness.Time.GetUtcNow().AddDays(30)));
        var readAt = harness.Time.GetUtcNow();

        await harness.CaseService.As(reviewer.For(Complaint)).GetAsync(review.CaseId);
        await harness.CaseService.As(agent).GetAsync(review.CaseId);

        var looked = await Log(harness, CaseActor.Applicant(Subject)).WhoLookedAsync(Subject);
        var reads = looked.Where(l => !l.Who.StartsWith("department:", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                new DataAccess(readAt, "officer:reviewer-9", review.CaseId, WholeCase, Complaint),
                new DataAccess(readAt, $"agent:agent-1 for {Subject}", review.CaseId, WholeCase, "GetAsync"),
            ],
            reads);
        var lines = await harness.Audit.ForCaseAsync(review.CaseId);
        Assert.Equal(2, lines.Count(l => l.Action == AuditActions.DataRead));
        Assert.All(lines.Where(l => l.Action == AuditActions.DataRead), l => Assert.Equal(Subject, l.SubjectId));
    }

    [Fact]
    public async Task WhoLookedAsync_ApplicantsOwnReadsAndSystemReads_AddNoLine()
    {
        await using var harness = await CaseHarness.StartAsync();
        var review = await UnderReviewAsync(harness, "own");
        var before = await harness.Audit.ForCaseAsync(review.CaseId);

        await harness.CaseService.As(CaseActor.Applicant(Subject)).GetAsync(review.CaseId);
        await harness.CaseService.As(CaseActor.Applicant(Subject).For("checking my case")).WaitUntilAsync(review.CaseId, _ => true, TimeSpan.FromSeconds(30));
        await harness.CaseService.As(CaseActor.Applicant(Subject)).ListAsync();
        await Log(harness, CaseActor.Applicant(Subject)).ForCaseAsync(review.CaseId);
        await harness.CaseService.As(CaseActor.System).GetAsync(review.CaseId);
        await harness.CaseService.As(CaseActor.System.For("nightly report")).ListAsync();
        await harness.Audit.ForCaseAsync(review.CaseId);

        var after = await harness.Audit.ForCaseAsync(review.CaseId);
        Assert.Equal(before.Count, after.Count);
        Assert.DoesNotContain(after, l => l.Action == AuditActions.DataRead);
        var looked = await Log(harness, CaseActor.Applicant(Subject)).WhoLookedAsync(Subject);
        Assert.All(looked, l => Assert.StartsWith("department:", l.Who, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhoLookedAsync_EvidenceRequests_AreTheDepartmentsAsked()
    {
        await using var harness = await CaseHarness.StartAsync();
        var review = await UnderReviewAsync(harness, "evidence");
        Assert.NotEmpty(review.Evidence);

        var looked = await Log(harness, CaseActor.Applicant(Subject)).WhoLookedAsync(Subject);

        var requested = (await harness.Audit.ForCaseAsync(review.CaseId)).Where(l => l.Action == AuditActions.EvidenceRequested).ToList();
        Assert.Equal(review.Evidence.Count, requested.Count);
        Assert.Equal(
            review.Evidence.Select(e => ($"department:{e.DepartmentId}", review.CaseId, $"{e.DocumentId} about {Subject} from {e.DepartmentId}")).Order(),
            looked.Select(l => (l.Who, l.CaseId, l.What)).Order());
        Assert.All(looked, l => Assert.StartsWith($"{review.ProcedureCode} ", l.Why, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhoLookedAsync_OfficerReadingTheAuditTrail_IsListedToo()
    {
        await using var harness = await CaseHarness.StartAsync();
        var review = await UnderReviewAsync(harness, "trail");
        var auditor = CaseActor.Officer("auditor-1", new OfficerPost(review.AuthorityId, OfficerRole.Auditor));

        await Log(harness, auditor.For("inspection 2017-Q1")).ForCaseAsync(review.CaseId);

        var looked = await Log(harness, CaseActor.Applicant(Subject)).WhoLookedAsync(Subject);
        var read = Assert.Single(looked, l => l.Who == "officer:auditor-1");
        Assert.Equal((review.CaseId, "the case's audit trail", "inspection 2017-Q1"), (read.CaseId, read.What, read.Why));
    }

    [Theory]
    [InlineData("another applicant")]
    [InlineData("reviewer of the case")]
    [InlineData("agent of the subject")]
    [InlineData("department asked")]
    public async Task WhoLookedAsync_NeitherSubjectNorAuditor_IsDeniedAndAuditedOnTheNoCaseChain(string who)
    {
        await using var harness = await CaseHarness.StartAsync();
        var review = await UnderReviewAsync(harness, "denied");
        var actor = who switch
        {
            "another applicant" => CaseActor.Applicant(Other),
            "reviewer of the case" => CaseActor.Officer("reviewer-9", new OfficerPost(review.AuthorityId, OfficerRole.Reviewer)),
            "agent of the subject" => CaseActor.Agent("agent-1", new Mandate(Subject, harness.Time.GetUtcNow().AddDays(30))),
            _ => CaseActor.Department(review.Evidence.First().DepartmentId),
        };
        var caseLines = (await harness.Audit.ForCaseAsync(review.CaseId)).Count;

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => Log(harness, actor).WhoLookedAsync(Subject));

        Assert.Equal((CaseOperation.ReadSubjectAudit, actor.AuditName, "", "to be that subject, or an auditor"), (denied.Operation, denied.Actor, denied.CaseId, denied.Needed));
        var line = Assert.Single(await harness.Audit.ForCaseAsync("-"));
        Assert.Equal(("-", Subject, actor.AuditName, AuditActions.AttemptRefused), (line.CaseId, line.SubjectId, line.Actor, line.Action));
        Assert.Contains(denied.Message, line.Detail, StringComparison.Ordinal);
        Assert.Equal(caseLines, (await harness.Audit.ForCaseAsync(review.CaseId)).Count);
        Assert.Contains(await Log(harness, CaseActor.Applicant(Subject)).ForSubjectAsync(Subject), l => l.CaseId == "-" && l.Actor == actor.AuditName);
    }

    [Fact]
    public async Task ForSubjectAsync_AuditorOfAnotherAuthority_SeesOnlyTheCasesOfTheAuthoritiesTheyAudit()
    {
        await using var harness = await CaseHarness.StartAsync();
        var market = await UnderReviewAsync(harness, "market");
        var housing = await UnderReviewAsync(harness, "housing", "04-housing-fund-rent-withdrawal.yaml");
        var others = await UnderReviewAsync(harness, "others", "04-housing-fund-rent-withdrawal.yaml", Other);
        Assert.Equal("hz_housing_fund", housing.AuthorityId);
        Assert.NotEqual(market.AuthorityId, housing.AuthorityId);
        var auditor = CaseActor.Officer("auditor-7", new OfficerPost(housing.AuthorityId, OfficerRole.Auditor), new OfficerPost(market.AuthorityId, OfficerRole.IntakeWindow));
        var housingLines = await harness.Audit.ForCaseAsync(housing.CaseId);

        var seen = await Log(harness, auditor).ForSubjectAsync(Subject);

        Assert.Equal(housingLines.Select(l => l.Sequence), seen.Select(l => l.Sequence));
        Assert.DoesNotContain(seen, l => l.CaseId == market.CaseId || l.CaseId == others.CaseId);

        // The auditor's read is itself a line the subject sees, under the case read.
        var looked = await Log(harness, CaseActor.Applicant(Subject)).WhoLookedAsync(Subject);
        var read = Assert.Single(looked, l => l.Who == "officer:auditor-7");
        Assert.Equal((housing.CaseId, "the subject's audit lines of this case", "IAuditLog.ForSubjectAsync"), (read.CaseId, read.What, read.Why));

        // Through the tracker too, the auditor sees only the housing fund's accesses (their own read among them).
        var trackedByAuditor = await Log(harness, auditor.For("inspection 2017-Q1")).WhoLookedAsync(Subject);
        Assert.NotEmpty(trackedByAuditor);
        Assert.All(trackedByAuditor, l => Assert.Equal(housing.CaseId, l.CaseId));
        Assert.Contains(trackedByAuditor, l => l.Who == "officer:auditor-7" && l.Why == "IAuditLog.ForSubjectAsync");
        Assert.Contains(await Log(harness, CaseActor.Applicant(Subject)).WhoLookedAsync(Subject), l => l.Who == "officer:auditor-7" && l.Why == "inspection 2017-Q1");
    }

    [Fact]
    public async Task VerifyAsync_AfterTrackerLinesAndDenials_EveryChainVerifies()
    {
        await using var harness = await CaseHarness.StartAsync();
        var review = await UnderReviewAsync(harness, "verify");
        var reviewer = CaseActor.Officer("reviewer-9", new OfficerPost(review.AuthorityId, OfficerRole.Reviewer));
        await harness.CaseService.As(reviewer.For(Complaint)).GetAsync(review.CaseId);
        await harness.CaseService.As(reviewer).ListAsync();
        await Log(harness, reviewer).ForCaseAsync(review.CaseId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => harness.CaseService.As(CaseActor.Applicant(Other)).GetAsync(review.CaseId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Log(harness, reviewer).WhoLookedAsync(Subject));
        await Assert.ThrowsAsync<AccessDeniedException>(() => harness.CaseService.As(CaseActor.Department("hz_psb")).ListAsync());

        var verified = await harness.Audit.VerifyAsync();

        Assert.True(verified.AllVerified, string.Join("\n", verified.Cases.Where(c => c.State != AuditChainState.Verified).Select(c => $"{c.CaseId}: {c.State} {c.Break?.Explanation}")));
        Assert.Contains(verified.Cases, c => c.CaseId == "-" && c.ChainedLines == 2);
        Assert.Equal(3, (await harness.Audit.ForCaseAsync(review.CaseId)).Count(l => l.Action == AuditActions.DataRead));
    }

    /// <summary>A case under review: its evidence requested and answered, so no line is added behind the test's back.</summary>
    private static async Task<CaseSnapshot> UnderReviewAsync(CaseHarness harness, string key, string errand = "03-company-name-province.yaml", string applicant = Subject)
    {
        var submitted = await harness.Cases.SubmitAsync(harness.Errand(errand, key, applicant));
        return await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
    }

    private static IAuditLog Log(CaseHarness harness, CaseActor actor) => harness.Services.GetRequiredService<IAuditLog>().As(actor);
}
