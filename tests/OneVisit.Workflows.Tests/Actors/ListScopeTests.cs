using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Actors;

/// <summary>
/// What <see cref="ICaseService.ListAsync"/> shows each actor, over four cases: two applicants, each with errand 3
/// (the province's market regulator, zj_amr) and errand 4 (the housing fund, hz_housing_fund). An applicant sees their
/// own, an agent their principal's of the procedures the mandate covers, an officer those of the authorities they hold,
/// the host's processing all; a department is denied, and so is an applicant or agent asking for someone else's.
/// </summary>
public sealed class ListScopeTests
{
    private const string Subject = "330106198001010011";
    private const string Other = "330106199001010022";
    private const string Market = "330100-SC-0003";
    private const string Housing = "330100-SC-0004";

    [Fact]
    public async Task ListAsync_EachActor_SeesOnlyTheCasesTheyMay()
    {
        await using var harness = await CaseHarness.StartAsync();
        var cases = await FourCasesAsync(harness);
        var until = harness.Time.GetUtcNow().AddDays(30);
        var marketAuthority = cases[(Subject, Market)].AuthorityId;
        var expected = new (string Name, CaseActor Actor, (string, string)[] Sees)[]
        {
            ("the subject", CaseActor.Applicant(Subject), [(Subject, Market), (Subject, Housing)]),
            ("the other applicant", CaseActor.Applicant(Other), [(Other, Market), (Other, Housing)]),
            ("an applicant with no case", CaseActor.Applicant("330106197001010033"), []),
            ("the subject's agent for errand 4", CaseActor.Agent("agent-1", new Mandate(Subject, until, [Housing])), [(Subject, Housing)]),
            ("the subject's agent for everything", CaseActor.Agent("agent-2", new Mandate(Subject, until)), [(Subject, Market), (Subject, Housing)]),
            ("the other's agent for a procedure neither applied for", CaseActor.Agent("agent-3", new Mandate(Other, until, ["330100-SC-0001"])), []),
            ("a reviewer of the market regulator", Officer("reviewer-1", marketAuthority, OfficerRole.Reviewer), [(Subject, Market), (Other, Market)]),
            ("an auditor of the housing fund", Officer("auditor-1", "hz_housing_fund", OfficerRole.Auditor), [(Subject, Housing), (Other, Housing)]),
            ("an officer of both", CaseActor.Officer("officer-2", new OfficerPost(marketAuthority, OfficerRole.IntakeWindow), new OfficerPost("hz_housing_fund", OfficerRole.Reviewer)), [.. cases.Keys]),
            ("an officer of neither", Officer("reviewer-3", "hz_psb_vehicle", OfficerRole.Reviewer), []),
            ("the host's processing", CaseActor.System, [.. cases.Keys]),
        };

        var wrong = new List<string>();
        foreach (var (name, actor, sees) in expected)
        {
            var listed = await harness.CaseService.As(actor).ListAsync();
            var want = sees.Select(k => cases[k].CaseId).Order().ToList();
            var got = listed.Select(s => s.CaseId).Order().ToList();
            if (!want.SequenceEqual(got))
            {
                wrong.Add($"{name}: expected [{string.Join(", ", want)}], listed [{string.Join(", ", got)}]");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task ListAsync_OfOneApplicant_IsNarrowedWithinTheActorsScope()
    {
        await using var harness = await CaseHarness.StartAsync();
        var cases = await FourCasesAsync(harness);
        var reviewer = Officer("reviewer-1", cases[(Subject, Market)].AuthorityId, OfficerRole.Reviewer);

        var own = await harness.CaseService.As(CaseActor.Applicant(Subject)).ListAsync(new CaseQuery(ApplicantId: Subject));
        var byOfficer = await harness.CaseService.As(reviewer).ListAsync(new CaseQuery(ApplicantId: Other));
        var bySystem = await harness.CaseService.As(CaseActor.System).ListAsync(new CaseQuery(ApplicantId: Other));

        Assert.Equal(new[] { cases[(Subject, Housing)].CaseId, cases[(Subject, Market)].CaseId }.Order(), own.Select(s => s.CaseId).Order());
        Assert.All(own, s => Assert.Equal(Subject, s.ApplicantId));
        Assert.Equal([cases[(Other, Market)].CaseId], byOfficer.Select(s => s.CaseId));
        Assert.Equal(new[] { cases[(Other, Housing)].CaseId, cases[(Other, Market)].CaseId }.Order(), bySystem.Select(s => s.CaseId).Order());
    }

    [Fact]
    public async Task ListAsync_OfficerList_IsTrackedPerCaseListedAndTheApplicantsOwnIsNot()
    {
        await using var harness = await CaseHarness.StartAsync();
        var cases = await FourCasesAsync(harness);
        var reviewer = Officer("reviewer-1", cases[(Subject, Market)].AuthorityId, OfficerRole.Reviewer);

        await harness.CaseService.As(CaseActor.Applicant(Subject)).ListAsync();
        await harness.CaseService.As(CaseActor.System).ListAsync();
        await harness.CaseService.As(reviewer).ListAsync();

        var reads = new List<AuditEntry>();
        foreach (var summary in cases.Values)
        {
            reads.AddRange((await harness.Audit.ForCaseAsync(summary.CaseId)).Where(l => l.Action == AuditActions.DataRead));
        }

        Assert.Equal(
            new[] { (cases[(Other, Market)].CaseId, Other), (cases[(Subject, Market)].CaseId, Subject) }.Order(),
            reads.Select(r => (r.CaseId, r.SubjectId)).Order());
        Assert.All(reads, r => Assert.Equal(("officer:reviewer-1", "ListAsync"), (r.Actor, r.Purpose)));
    }

    [Fact]
    public async Task ListAsync_Department_IsDeniedAndAudited()
    {
        await using var harness = await CaseHarness.StartAsync();
        await FourCasesAsync(harness);
        var department = CaseActor.Department("hz_psb");

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => harness.CaseService.As(department).ListAsync());

        Assert.Equal((CaseOperation.List, "department:hz_psb", ""), (denied.Operation, denied.Actor, denied.CaseId));
        Assert.Contains("department answers the requests addressed to it", denied.Needed, StringComparison.Ordinal);
        var line = Assert.Single(await harness.Audit.ForCaseAsync("-"));
        Assert.Equal(("department:hz_psb", AuditActions.AttemptRefused), (line.Actor, line.Action));
    }

    [Theory]
    [InlineData("applicant")]
    [InlineData("agent")]
    public async Task ListAsync_SomeoneElsesCases_IsDeniedAndAuditedUnderThatSubject(string kind)
    {
        await using var harness = await CaseHarness.StartAsync();
        await FourCasesAsync(harness);
        var actor = kind == "applicant" ? CaseActor.Applicant(Subject) : CaseActor.Agent("agent-1", new Mandate(Subject, harness.Time.GetUtcNow().AddDays(30)));

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => harness.CaseService.As(actor).ListAsync(new CaseQuery(ApplicantId: Other)));

        Assert.Equal((CaseOperation.List, actor.AuditName, "to be that applicant, or their agent under a mandate"), (denied.Operation, denied.Actor, denied.Needed));
        var line = Assert.Single(await harness.Audit.ForCaseAsync("-"));
        Assert.Equal((Other, actor.AuditName, AuditActions.AttemptRefused), (line.SubjectId, line.Actor, line.Action));
        Assert.Contains(await harness.Audit.ForSubjectAsync(Other), l => l.CaseId == "-" && l.Action == AuditActions.AttemptRefused);
    }

    /// <summary>Errands 3 and 4 for each of two applicants, under review (so no line is added behind the test's back).</summary>
    private static async Task<Dictionary<(string Applicant, string Procedure), CaseSnapshot>> FourCasesAsync(CaseHarness harness)
    {
        var cases = new Dictionary<(string, string), CaseSnapshot>();
        foreach (var applicant in new[] { Subject, Other })
        {
            foreach (var (procedure, file) in new[] { (Market, "03-company-name-province.yaml"), (Housing, "04-housing-fund-rent-withdrawal.yaml") })
            {
                var submitted = await harness.Cases.SubmitAsync(harness.Errand(file, $"{procedure}-{applicant[^4..]}", applicant));
                cases[(applicant, procedure)] = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
            }
        }

        Assert.Equal("hz_housing_fund", cases[(Subject, Housing)].AuthorityId);
        Assert.NotEqual("hz_housing_fund", cases[(Subject, Market)].AuthorityId);
        return cases;
    }

    private static CaseActor Officer(string id, string authority, OfficerRole role) => CaseActor.Officer(id, new OfficerPost(authority, role));
}
