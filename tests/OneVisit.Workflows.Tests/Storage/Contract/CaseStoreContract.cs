using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Storage.Contract;

/// <summary>The case index: idempotent submission, lookups, lists, and the cases whose workflow never started.</summary>
public abstract class CaseStoreContract : StorageContract
{
    [Fact]
    public async Task TryInsertCaseAsync_NewKey_InsertsAndReturnsNull()
    {
        var row = Case("case-1");

        var existing = await Cases.TryInsertCaseAsync(row, None);

        Assert.Null(existing);
        Assert.Equal(row, await Cases.FindCaseAsync("case-1", None));
    }

    [Fact]
    public async Task TryInsertCaseAsync_SameKeyAgain_ReturnsTheFirstRowAndChangesNothing()
    {
        var first = Case("case-1", idempotencyKey: "submission-9");
        await Cases.TryInsertCaseAsync(first, None);
        var second = Case("case-2", applicantId: "applicant-2", submittedAt: At(5), idempotencyKey: "submission-9") with { RequestHash = "other-hash", Stage = "Accepted" };

        var existing = await Cases.TryInsertCaseAsync(second, None);

        Assert.Equal(first, existing);
        Assert.Equal(first, await Cases.FindCaseAsync("case-1", None));
        Assert.Null(await Cases.FindCaseAsync("case-2", None));
    }

    [Fact]
    public async Task TryInsertCaseAsync_OptionalFieldsGiven_StoresThemAsGiven()
    {
        var row = Case("case-1") with { WorkflowId = "wf-1", Outcome = "Approved", ClosedAt = At(90) };

        await Cases.TryInsertCaseAsync(row, None);

        Assert.Equal(row, await Cases.FindCaseAsync("case-1", None));
    }

    [Fact]
    public async Task TryInsertCaseAsync_BundleCaseAndItsMember_KeepWhichIsWhich()
    {
        var bundle = Case("bundle-1") with { IsBundle = true, ProcedureCode = "birth-bundle" };
        var member = Case("bundle-1-2") with { BundleCaseId = "bundle-1" };
        var single = Case("case-3");

        await Cases.TryInsertCaseAsync(bundle, None);
        await Cases.TryInsertCaseAsync(member, None);
        await Cases.TryInsertCaseAsync(single, None);

        Assert.Equal(bundle, await Cases.FindCaseAsync("bundle-1", None));
        Assert.Equal(member, await Cases.FindCaseAsync("bundle-1-2", None));
        var found = await Cases.FindCaseAsync("case-3", None);
        Assert.Equal((false, null), (found!.IsBundle, found.BundleCaseId));
    }

    [Fact]
    public async Task ListCasesAsync_BundleAndMemberRows_AreListedWithTheirKind()
    {
        await StartCaseAsync(Case("bundle-1", submittedAt: At(1)) with { IsBundle = true });
        await StartCaseAsync(Case("bundle-1-1", submittedAt: At(2)) with { BundleCaseId = "bundle-1" });

        var listed = await Cases.ListCasesAsync(null, authorityIds: null, openOnly: false, 10, None);

        Assert.Equal([("bundle-1-1", false, "bundle-1"), ("bundle-1", true, null)], listed.Select(r => (r.CaseId, r.IsBundle, r.BundleCaseId)));
    }

    [Fact]
    public async Task FindCaseAsync_UnknownCase_ReturnsNull()
    {
        await Cases.TryInsertCaseAsync(Case("case-1"), None);

        Assert.Null(await Cases.FindCaseAsync("case-9", None));
    }

    [Fact]
    public async Task FindCaseAsync_EveryFieldSetOverTheCasesLife_RoundTrips()
    {
        var row = Case("case-1") with { ProcedureVersion = 17, IdempotencyKey = "k-ü/漢字", ApplicantId = "applicant-\u00e9" };
        await Cases.TryInsertCaseAsync(row, None);
        var unstarted = await Cases.FindCaseAsync("case-1", None);

        await Cases.SetWorkflowAsync("case-1", "wf-77", None);
        var closedAt = new DateTimeOffset(2025, 3, 15, 23, 59, 59, 999, TimeSpan.FromHours(-5));
        await WriteAsync(t => t.UpdateStage("case-1", "Closed", "Refused", "authority-2", closedAt));
        var closed = await Cases.FindCaseAsync("case-1", None);

        Assert.Equal(row, unstarted);
        Assert.Null(unstarted!.WorkflowId);
        Assert.Null(unstarted.Outcome);
        Assert.Null(unstarted.ClosedAt);
        Assert.Equal(row with { WorkflowId = "wf-77", Stage = "Closed", Outcome = "Refused", AuthorityId = "authority-2", ClosedAt = closedAt }, closed);
        SameInstant(T0, closed!.SubmittedAt);
        SameInstant(closedAt, closed.ClosedAt!.Value);
    }

    [Fact]
    public async Task FindCaseAsync_StageUpdatedWithoutOutcome_ClearsNullableFields()
    {
        await StartCaseAsync(Case("case-1"));
        await WriteAsync(t => t.UpdateStage("case-1", "Decided", "Approved", "authority-1", At(10)));

        await WriteAsync(t => t.UpdateStage("case-1", "Review", null, "authority-3", null));

        var row = await Cases.FindCaseAsync("case-1", None);
        Assert.Equal(("Review", (string?)null, "authority-3", (DateTimeOffset?)null), (row!.Stage, row.Outcome, row.AuthorityId, row.ClosedAt));
    }

    [Fact]
    public async Task ListCasesAsync_CaseNotStarted_IsNotListed()
    {
        await Cases.TryInsertCaseAsync(Case("case-1"), None);
        var before = await Cases.ListCasesAsync(null, authorityIds: null, openOnly: false, 10, None);

        await Cases.SetWorkflowAsync("case-1", "wf-1", None);
        var after = await Cases.ListCasesAsync(null, authorityIds: null, openOnly: false, 10, None);

        Assert.Empty(before);
        Assert.Equal(["case-1"], after.Select(c => c.CaseId));
        Assert.Equal("wf-1", after[0].WorkflowId);
    }

    [Fact]
    public async Task ListCasesAsync_SeveralCases_NewestInstantFirst()
    {
        // case-utc was submitted later than case-east although its wall-clock time reads earlier.
        await StartCaseAsync(Case("case-east", submittedAt: new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.FromHours(8))));
        await StartCaseAsync(Case("case-oldest", submittedAt: new DateTimeOffset(2025, 3, 13, 0, 0, 0, TimeSpan.Zero)));
        await StartCaseAsync(Case("case-utc", submittedAt: new DateTimeOffset(2025, 3, 14, 2, 0, 0, 1, TimeSpan.Zero)));

        var listed = await Cases.ListCasesAsync(null, authorityIds: null, openOnly: false, 10, None);

        Assert.Equal(["case-utc", "case-east", "case-oldest"], listed.Select(c => c.CaseId));
    }

    [Fact]
    public async Task ListCasesAsync_OneApplicant_ListsOnlyTheirCases()
    {
        await StartCaseAsync(Case("case-1", applicantId: "applicant-1", submittedAt: At(1)));
        await StartCaseAsync(Case("case-2", applicantId: "applicant-2", submittedAt: At(2)));
        await StartCaseAsync(Case("case-3", applicantId: "applicant-1", submittedAt: At(3)));

        var theirs = await Cases.ListCasesAsync("applicant-1", authorityIds: null, openOnly: false, 10, None);
        var nobodys = await Cases.ListCasesAsync("applicant-9", authorityIds: null, openOnly: false, 10, None);

        Assert.Equal(["case-3", "case-1"], theirs.Select(c => c.CaseId));
        Assert.Empty(nobodys);
    }

    [Fact]
    public async Task ListCasesAsync_OpenOnly_HidesClosedCases()
    {
        await StartCaseAsync(Case("case-1", submittedAt: At(1)));
        await StartCaseAsync(Case("case-2", submittedAt: At(2)));
        await CloseCaseAsync("case-1", At(30));

        var open = await Cases.ListCasesAsync(null, authorityIds: null, openOnly: true, 10, None);
        var all = await Cases.ListCasesAsync(null, authorityIds: null, openOnly: false, 10, None);

        Assert.Equal(["case-2"], open.Select(c => c.CaseId));
        Assert.Equal(["case-2", "case-1"], all.Select(c => c.CaseId));
    }

    [Fact]
    public async Task ListCasesAsync_MoreCasesThanLimit_ReturnsTheNewestUpToLimit()
    {
        for (var i = 1; i <= 5; i++)
        {
            await StartCaseAsync(Case($"case-{i}", submittedAt: At(i)));
        }

        var listed = await Cases.ListCasesAsync(null, authorityIds: null, openOnly: false, 2, None);

        Assert.Equal(["case-5", "case-4"], listed.Select(c => c.CaseId));
    }

    [Fact]
    public async Task SetWorkflowAsync_RecordedCase_LinksItsWorkflow()
    {
        await Cases.TryInsertCaseAsync(Case("case-1"), None);

        await Cases.SetWorkflowAsync("case-1", "wf-1", None);

        Assert.Equal("wf-1", (await Cases.FindCaseAsync("case-1", None))!.WorkflowId);
        Assert.Empty(await Cases.CasesWithoutWorkflowAsync(None));
    }

    [Fact]
    public async Task DeleteUnstartedCaseAsync_CaseNeverStarted_RemovesItAndFreesItsKey()
    {
        await Cases.TryInsertCaseAsync(Case("case-1", idempotencyKey: "submission-1"), None);

        var deleted = await Cases.DeleteUnstartedCaseAsync("case-1", None);

        Assert.True(deleted);
        Assert.Null(await Cases.FindCaseAsync("case-1", None));
        Assert.Null(await Cases.TryInsertCaseAsync(Case("case-2", idempotencyKey: "submission-1"), None));
    }

    [Fact]
    public async Task DeleteUnstartedCaseAsync_CaseStarted_ReturnsFalseAndKeepsIt()
    {
        var started = await StartCaseAsync(Case("case-1"));

        var deleted = await Cases.DeleteUnstartedCaseAsync("case-1", None);

        Assert.False(deleted);
        Assert.Equal(started, await Cases.FindCaseAsync("case-1", None));
    }

    [Fact]
    public async Task DeleteUnstartedCaseAsync_UnknownCase_ReturnsFalse()
    {
        await Cases.TryInsertCaseAsync(Case("case-1"), None);

        Assert.False(await Cases.DeleteUnstartedCaseAsync("case-9", None));
        Assert.NotNull(await Cases.FindCaseAsync("case-1", None));
    }

    [Fact]
    public async Task CasesWithoutWorkflowAsync_StartedAndUnstartedCases_ListsOnlyTheUnlinked()
    {
        var unlinked = Case("case-1", submittedAt: At(1));
        await Cases.TryInsertCaseAsync(unlinked, None);
        await StartCaseAsync(Case("case-2", submittedAt: At(2)));
        var alsoUnlinked = Case("case-3", submittedAt: At(3));
        await Cases.TryInsertCaseAsync(alsoUnlinked, None);

        var listed = await Cases.CasesWithoutWorkflowAsync(None);

        Assert.Equal([unlinked, alsoUnlinked], listed.OrderBy(c => c.CaseId));
    }
}
