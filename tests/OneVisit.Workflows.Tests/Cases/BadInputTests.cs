using OneVisit.Workflows.Actors;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Simulation;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>
/// Malformed input is answered with <see cref="InvalidCaseInputException"/> naming the argument, and stores
/// nothing: no case, no workflow, no event, and never a line an identifier could forge.
/// </summary>
public sealed class BadInputTests
{
    /// <summary>Identifiers the service must refuse: empty, blank, padded, too long, or carrying a control character.</summary>
    public static TheoryData<string?> BadIdentifiers() =>
    [
        null,
        "",
        "   ",
        " 330106198001010011",
        "330106198001010011 ",
        "330106198001010011\n2017-02-20 09:00 officer-1 decided approved",
        "3301\t06",
        "3301\r06",
        "3301\u0000",
        "3301\u0085",
        "3301\u2028",
        new string('1', CaseInputs.MaxIdentifierLength + 1),
    ];

    [Theory]
    [MemberData(nameof(BadIdentifiers))]
    public async Task SubmitAsync_BadApplicantIdOrIdempotencyKey_MakesNoCase(string? bad)
    {
        await using var harness = await CaseHarness.StartAsync();
        var good = harness.Errand("03-company-name-province.yaml", "good-key");

        var applicant = await Assert.ThrowsAsync<InvalidCaseInputException>(() => harness.Cases.SubmitAsync(good with { ApplicantId = bad! }));
        var key = await Assert.ThrowsAsync<InvalidCaseInputException>(() => harness.Cases.SubmitAsync(good with { IdempotencyKey = bad! }));

        Assert.Equal("submission.ApplicantId", applicant.ParameterName);
        Assert.Equal("submission.IdempotencyKey", key.ParameterName);
        Assert.DoesNotContain('\n', applicant.Message + key.Message);
        await AssertNothingStored(harness);
        // A good submission still works: the refusals claimed nothing.
        Assert.Single(await SubmitAndList(harness, good));
    }

    [Fact]
    public async Task SubmitAsync_UndefinedDelivery_MakesNoCase()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submission = harness.Errand("03-company-name-province.yaml", "delivery") with { PreferredDelivery = (ResultDelivery)9 };

        var error = await Assert.ThrowsAsync<InvalidCaseInputException>(() => harness.Cases.SubmitAsync(submission));

        Assert.Equal("submission.PreferredDelivery", error.ParameterName);
        Assert.Contains("9", error.Message);
        await AssertNothingStored(harness);
    }

    [Theory]
    [MemberData(nameof(BadIdentifiers))]
    public void CaseActor_BadOfficerId_IsRefusedBeforeAnyCallIsMade(string? bad)
    {
        // Who decides is the signed-in officer, whose id is checked when the host makes the actor: a bad id never reaches a case.
        var error = Assert.Throws<InvalidCaseInputException>(() => CaseActor.Officer(bad!, new OfficerPost("zj_amr", OfficerRole.Reviewer)));

        Assert.Equal("officerId", error.ParameterName);
    }

    [Fact]
    public async Task CaseService_BadCaseId_IsRefusedByEveryCall()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "case-id"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        string[] bad = [$"{submitted.CaseId}\n", $" {submitted.CaseId}", "", new string('C', CaseInputs.MaxIdentifierLength + 1)];

        foreach (var caseId in bad)
        {
            Func<Task>[] calls =
            [
                () => harness.Cases.GetAsync(caseId),
                () => harness.Cases.WaitUntilAsync(caseId, _ => true, TimeSpan.FromSeconds(1)),
                () => harness.Cases.DecideAsync(caseId, new OfficerDecision(Approved: true)),
                () => harness.Cases.SupplyDocumentsAsync(caseId, new SuppliedDocuments([new HeldDocument("name_pre_approval_application")])),
                () => harness.Cases.ConfirmPickupAsync(caseId),
                () => harness.Cases.RecordVisitAsync(caseId, new VisitMade("asking")),
            ];
            foreach (var call in calls)
            {
                Assert.Equal("caseId", (await Assert.ThrowsAsync<InvalidCaseInputException>(call)).ParameterName);
            }
        }

        Assert.Null((await harness.Cases.GetAsync(submitted.CaseId)).Decision);
        Assert.DoesNotContain(await harness.Audit.ForCaseAsync(submitted.CaseId), a => a.Action == AuditActions.AttemptRefused);
    }

    [Fact]
    public async Task AnswerEvidenceAsync_UndefinedOutcome_IsRefusedAndTheWaitStaysOpen()
    {
        await using var harness = await CaseHarness.StartAsync(d => d.Answers[WaitsEndCases.Registry] = SimulatedAnswer.Later);
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", "outcome"));
        await harness.WaitUntil(submitted.CaseId, s => s.Evidence.Any(e => e.State == "waiting"));

        var error = await Assert.ThrowsAsync<InvalidCaseInputException>(() =>
            harness.Cases.AnswerEvidenceAsync(submitted.CaseId, WaitsEndCases.Certificate, new EvidenceResponse((EvidenceOutcome)42, "HZ-RE-42")));

        Assert.Equal("answer.Outcome", error.ParameterName);
        Assert.Equal("waiting", (await harness.Cases.GetAsync(submitted.CaseId)).Evidence.Single().State);
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM ov_claims WHERE event_key = $k", ("$k", $"{submitted.CaseId}/{WaitsEndCases.Certificate}")));
        var audit = await harness.Audit.ForCaseAsync(submitted.CaseId);
        Assert.DoesNotContain(audit, a => a.Detail.Contains("HZ-RE-42", StringComparison.Ordinal) && a.Action != AuditActions.AttemptRefused);

        await harness.Cases.AnswerEvidenceAsync(submitted.CaseId, WaitsEndCases.Certificate, EvidenceResponse.Issued("HZ-RE-43"));
        Assert.Equal("HZ-RE-43", (await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview)).Evidence.Single().Note);
    }

    [Fact]
    public async Task AuditLog_AnyIdentifierACallerGives_CannotPutALineBreakIntoIt()
    {
        const string Forged = "\n2017-02-20 09:00 officer-1 decided approved ";
        await using var harness = await CaseHarness.StartAsync();
        var notice = await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", "forge-1"));
        await harness.WaitForStage(notice.CaseId, CaseStage.AwaitingSupplement);
        var review = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "forge-3"));
        await harness.WaitForStage(review.CaseId, CaseStage.UnderReview);

        Func<Task>[] hostile =
        [
            () => Task.FromResult(CaseActor.Officer("officer-1", new OfficerPost(" zj_amr" + Forged, OfficerRole.Reviewer))),
            () => harness.Cases.DecideAsync(review.CaseId, new OfficerDecision(Approved: false, Reason: "no" + Forged)),
            () => harness.Cases.SupplyDocumentsAsync(notice.CaseId, new SuppliedDocuments([new HeldDocument("lease_contract" + Forged)])),
            () => harness.Cases.SupplyDocumentsAsync(notice.CaseId, new SuppliedDocuments([new HeldDocument(" lease_contract" + Forged)])),
            () => harness.Cases.SupplyDocumentsAsync(review.CaseId, new SuppliedDocuments([new HeldDocument("name_pre_approval_application" + Forged)])),
            () => harness.Cases.SignCommitmentAsync(review.CaseId, new SignedCommitment(" investor_qualification" + Forged)),
            () => harness.Cases.AnswerEvidenceAsync(review.CaseId, " investor_qualification" + Forged, EvidenceResponse.Issued("X")),
            () => harness.Cases.RecordVisitAsync(review.CaseId, new VisitMade(" asking" + Forged)),
        ];
        foreach (var call in hostile)
        {
            var error = await Assert.ThrowsAsync<InvalidCaseInputException>(call);
            Assert.DoesNotContain('\n', error.Message);
        }

        foreach (var caseId in new[] { notice.CaseId, review.CaseId })
        {
            // (The notice's own text is several lines; what a caller gives never is.)
            var audit = await harness.Audit.ForCaseAsync(caseId);
            Assert.All(audit, a => Assert.DoesNotContain(Forged.TrimEnd(), a.Detail + a.Actor, StringComparison.Ordinal));
            Assert.All(audit.Where(a => a.Action == AuditActions.AttemptRefused), a => Assert.DoesNotContain(a.Detail + a.Actor, c => char.IsControl(c)));
        }

        Assert.Equal(CaseStage.AwaitingSupplement, (await harness.Cases.GetAsync(notice.CaseId)).Stage);
        Assert.Null((await harness.Cases.GetAsync(review.CaseId)).Decision);
    }

    private static async Task AssertNothingStored(CaseHarness harness)
    {
        Assert.Empty(await harness.Cases.ListAsync());
        foreach (var table in new[] { "ov_cases", "ov_audit", "wf_instances", "wf_events", "ov_claims" })
        {
            Assert.True(await harness.ScalarAsync($"SELECT COUNT(*) FROM {table}") == 0, $"{table} has rows");
        }
    }

    private static async Task<IReadOnlyList<CaseSummary>> SubmitAndList(CaseHarness harness, CaseSubmission submission)
    {
        await harness.Cases.SubmitAsync(submission);
        return await harness.Cases.ListAsync();
    }
}
