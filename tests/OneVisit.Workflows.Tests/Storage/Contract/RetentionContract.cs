using OneVisit.Workflows.Storage;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Storage.Contract;

/// <summary>
/// Retention's part of the port: which cases a purge may take (closed before the cut-off, not purged, a bundle only
/// with all its members closed, a member only once its bundle is gone), and marking one purged exactly once.
/// </summary>
public abstract class RetentionContract : StorageContract
{
    private async Task<List<string>> PurgeableAsync(DateTimeOffset closedBefore, (DateTimeOffset, string)? after = null, int limit = 100) =>
        [.. (await Cases.PurgeableCasesAsync(closedBefore, after, limit, None)).Select(r => r.CaseId)];

    private async Task ClosedCaseAsync(CaseRow row, DateTimeOffset closedAt)
    {
        await StartCaseAsync(row);
        await CloseCaseAsync(row.CaseId, closedAt);
    }

    [Fact]
    public async Task PurgeableCasesAsync_CasesClosedBeforeTheCutOff_OldestCloseFirstAndNoOtherCase()
    {
        await ClosedCaseAsync(Case("late"), At(30));
        await ClosedCaseAsync(Case("early"), At(10));
        await ClosedCaseAsync(Case("recent"), At(60));
        await StartCaseAsync(Case("open"));

        Assert.Equal(["early", "late"], await PurgeableAsync(At(60)));
    }

    [Fact]
    public async Task PurgeableCasesAsync_After_GivesTheNextPage()
    {
        await ClosedCaseAsync(Case("a"), At(10));
        await ClosedCaseAsync(Case("b"), At(10));
        await ClosedCaseAsync(Case("c"), At(20));

        Assert.Equal(["a", "b"], await PurgeableAsync(At(60), limit: 2));
        Assert.Equal(["c"], await PurgeableAsync(At(60), (At(10), "b"), limit: 2));
    }

    [Fact]
    public async Task PurgeableCasesAsync_Bundles_OnlyWhenAllMembersClosedAndMembersNeverWhileTheirBundleIsKept()
    {
        await ClosedCaseAsync(Case("bundle-open-member") with { IsBundle = true }, At(5));
        await ClosedCaseAsync(Case("bundle-open-member-1") with { BundleCaseId = "bundle-open-member" }, At(1));
        await StartCaseAsync(Case("bundle-open-member-2") with { BundleCaseId = "bundle-open-member" });
        await ClosedCaseAsync(Case("bundle-done") with { IsBundle = true }, At(6));
        await ClosedCaseAsync(Case("bundle-done-1") with { BundleCaseId = "bundle-done" }, At(2));
        await ClosedCaseAsync(Case("orphan-1") with { BundleCaseId = "bundle-gone" }, At(3));

        Assert.Equal(["orphan-1", "bundle-done"], await PurgeableAsync(At(60)));

        // Once its bundle is purged, a member left behind (as a crash between two runs might leave one) goes alone.
        await ClosedCaseAsync(Case("bundle-done-2") with { BundleCaseId = "bundle-done" }, At(4));
        Assert.True(await Storage.WriteAsync(t => t.MarkPurged("bundle-done", At(70)), None));
        Assert.Equal(["orphan-1", "bundle-done-2"], (await PurgeableAsync(At(60))).Where(id => id != "bundle-done-1"));
    }

    [Fact]
    public async Task MarkPurged_ClosedCase_OnceThenNeverAgain()
    {
        await ClosedCaseAsync(Case("case-1"), At(10));
        await StartCaseAsync(Case("open"));

        Assert.True(await Storage.WriteAsync(t => t.MarkPurged("case-1", At(90)), None));
        Assert.False(await Storage.WriteAsync(t => t.MarkPurged("case-1", At(95)), None));
        Assert.False(await Storage.WriteAsync(t => t.MarkPurged("open", At(95)), None));
        Assert.False(await Storage.WriteAsync(t => t.MarkPurged("unknown", At(95)), None));

        var row = await Cases.FindCaseAsync("case-1", None);
        SameInstant(At(90), row!.PurgedAt!.Value);
        Assert.Equal(("Closed", "Approved"), (row.Stage, row.Outcome));
        Assert.Null((await Cases.FindCaseAsync("open", None))!.PurgedAt);
        Assert.Empty(await PurgeableAsync(At(600)));
        Assert.Contains("case-1", (await Cases.ListCasesAsync(null, authorityIds: null, openOnly: false, 10, None)).Select(r => r.CaseId));
    }

    [Fact]
    public async Task MarkPurged_CaseWithEvidenceAndATimer_RemovesTheAnswersAndDisarmsTheTimer()
    {
        await StartCaseAsync(Case("case-1"));
        await Cases.BeginEvidenceRequestAsync(Request("case-1", "tax"), "tax", At(1), None);
        await Cases.SaveEvidenceAnswerAsync(Request("case-1", "tax"), "tax", Evidence.EvidenceResponse.Issued("TAX-1"), At(2), None);
        await WriteAsync(t => t.ScheduleTimer(Timer("case-1:pickup", "case-1", At(500))));
        await CloseCaseAsync("case-1", At(10));
        Assert.NotNull(await Cases.BeginEvidenceRequestAsync(Request("case-1", "tax"), "tax", At(3), None));

        Assert.True(await Storage.WriteAsync(t => t.MarkPurged("case-1", At(90)), None));

        Assert.Null(await Cases.BeginEvidenceRequestAsync(Request("case-1", "tax"), "tax", At(91), None));
        Assert.DoesNotContain("case-1:pickup", (await Timers.PendingTimersAsync(None)).Select(t => t.TimerId));
    }
}
