using Microsoft.Extensions.DependencyInjection;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Tests.Bundles;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Retention;

/// <summary>
/// Retention purges a finished case's documents once it closed longer ago than the setting, and keeps its index row,
/// its audit chain (which still verifies) and its ledgers; open and recently closed cases are untouched.
/// </summary>
public sealed class RetentionTests
{
    private const string Key = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="; // 1..32

    /// <summary>One day's retention; the sweep is far off, so only the test's own calls purge.</summary>
    private static void OneDayNoSweep(CaseOptions options)
    {
        options.AuditKey = Key;
        options.RetainFinishedCasesFor = TimeSpan.FromDays(1);
        options.RetentionSweepInterval = TimeSpan.FromDays(30);
    }

    [Fact]
    public async Task PurgeAsync_CaseClosedLongerAgoThanRetention_DocumentGoneRowAndAuditKeptOthersUntouched()
    {
        await using var harness = await CaseHarness.StartAsync(options: OneDayNoSweep);
        var old = await CloseAsync(harness, "old");
        var open = (await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "open"))).CaseId;
        var recent = (await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "recent"))).CaseId;
        await harness.WaitForStage(open, CaseStage.UnderReview);
        await harness.WaitForStage(recent, CaseStage.UnderReview);
        Assert.True(await EngineRowsAsync(harness, old) > 1, "the closed case should have a document and events before the purge");
        var auditBefore = await harness.Audit.ForCaseAsync(old);

        harness.Time.Advance(TimeSpan.FromDays(2));
        await harness.Cases.DecideAsync(recent, new OfficerDecision(Approved: false, Reason: "name already taken"));
        await harness.WaitForStage(recent, CaseStage.Closed);

        Assert.Equal(1, await Retention(harness).PurgeAsync());

        Assert.Equal(0, await EngineRowsAsync(harness, old));
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM ov_evidence_requests WHERE case_id = $id", ("$id", old)));
        Assert.Equal(1, await harness.ScalarAsync("SELECT COUNT(*) FROM ov_cases WHERE case_id = $id AND purged_at IS NOT NULL", ("$id", old)));
        var error = await Assert.ThrowsAsync<CasePurgedException>(() => harness.Cases.GetAsync(old));
        Assert.Equal((old, (DateTimeOffset?)CaseHarness.Morning, "330106198001010011"), (error.CaseId, error.ClosedAt, error.Case.ApplicantId));
        Assert.Equal(harness.Time.GetUtcNow(), error.PurgedAt);
        Assert.Contains("purged", error.Message, StringComparison.Ordinal);
        Assert.Contains("audit trail remain", error.Message, StringComparison.Ordinal);
        var listed = Assert.Single(await harness.Cases.ListAsync(), c => c.CaseId == old);
        Assert.Equal((CaseStage.Closed, error.PurgedAt), (listed.Stage, listed.PurgedAt));

        var audit = await harness.Audit.ForCaseAsync(old);
        Assert.Equal(auditBefore.Select(a => a.Sequence), audit.Take(auditBefore.Count).Select(a => a.Sequence));
        Assert.Equal(auditBefore.Count + 1, audit.Count);
        Assert.Equal((AuditActions.Purged, "system"), (audit[^1].Action, audit[^1].Actor));
        Assert.True((await harness.Audit.VerifyAsync()).AllVerified);

        foreach (var kept in new[] { open, recent })
        {
            Assert.True(await EngineRowsAsync(harness, kept) > 0);
            Assert.Null(Assert.Single(await harness.Cases.ListAsync(), c => c.CaseId == kept).PurgedAt);
            Assert.DoesNotContain(await harness.Audit.ForCaseAsync(kept), a => a.Action == AuditActions.Purged);
        }

        Assert.Equal(CaseStage.UnderReview, (await harness.Cases.GetAsync(open)).Stage);
        Assert.Equal(CaseStage.Closed, (await harness.Cases.GetAsync(recent)).Stage);
    }

    [Fact]
    public async Task PurgeAsync_RunAgain_PurgesNothingTwiceAndWritesNoSecondLine()
    {
        await using var harness = await CaseHarness.StartAsync(options: OneDayNoSweep);
        var caseId = await CloseAsync(harness, "twice");
        harness.Time.Advance(TimeSpan.FromDays(2));

        Assert.Equal(1, await Retention(harness).PurgeAsync());
        var purgedAt = await harness.ScalarAsync("SELECT purged_at FROM ov_cases WHERE case_id = $id", ("$id", caseId));
        harness.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Retention(harness).PurgeAsync());

        Assert.Single(await harness.Audit.ForCaseAsync(caseId), a => a.Action == AuditActions.Purged);
        Assert.Equal(purgedAt, await harness.ScalarAsync("SELECT purged_at FROM ov_cases WHERE case_id = $id", ("$id", caseId)));
        Assert.True((await harness.Audit.VerifyAsync()).AllVerified);
    }

    [Fact]
    public async Task PurgeAsync_TransactionFailsMidway_LeavesEverythingAndTheNextRunPurgesOnce()
    {
        await using var harness = await CaseHarness.StartAsync(options: OneDayNoSweep);
        var caseId = await CloseAsync(harness, "crash");
        harness.Time.Advance(TimeSpan.FromDays(2));
        var rows = await EngineRowsAsync(harness, caseId);
        var lines = (await harness.Audit.ForCaseAsync(caseId)).Count;

        // As a crash between the case store's writes and the engine's deletes would: the row is marked and the line
        // appended in the transaction before the document's delete fails.
        await harness.ExecuteAsync("CREATE TRIGGER simulated_crash BEFORE DELETE ON wf_instances BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;");
        await Assert.ThrowsAsync<CaseStoreException>(() => Retention(harness).PurgeAsync());

        Assert.Equal(rows, await EngineRowsAsync(harness, caseId));
        Assert.Equal(lines, (await harness.Audit.ForCaseAsync(caseId)).Count);
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM ov_cases WHERE purged_at IS NOT NULL"));
        Assert.Equal(CaseStage.Closed, (await harness.Cases.GetAsync(caseId)).Stage);

        await harness.ExecuteAsync("DROP TRIGGER simulated_crash;");
        Assert.Equal(1, await Retention(harness).PurgeAsync());
        Assert.Equal(0, await EngineRowsAsync(harness, caseId));
        Assert.Single(await harness.Audit.ForCaseAsync(caseId), a => a.Action == AuditActions.Purged);
        Assert.True((await harness.Audit.VerifyAsync()).AllVerified);
    }

    [Fact]
    public async Task PurgeAsync_Bundle_OnlyOnceItAndAllItsMembersAreClosedAndThenWithItsMembers()
    {
        await using var harness = await BundleDriver.HarnessOn(new DateOnly(2019, 7, 15), options: OneDayNoSweep);
        var bundleCaseId = (await harness.Bundles.SubmitAsync(harness.Bundle("05-birth-bundle.yaml", "bundle"))).BundleCaseId;
        var closed = await BundleDriver.RunToEndAsync(harness, bundleCaseId);
        var members = closed.Members.Where(m => m.CaseId is not null).Select(m => m.CaseId!).ToList();
        Assert.NotEmpty(members);
        harness.Time.Advance(TimeSpan.FromDays(2));

        // The bundle as if still open: its members, closed long ago, are kept with it.
        var bundleClosedAt = await harness.ScalarAsync("SELECT closed_at FROM ov_cases WHERE case_id = $id", ("$id", bundleCaseId));
        await harness.ExecuteAsync("UPDATE ov_cases SET closed_at = NULL WHERE case_id = $id", ("$id", bundleCaseId));
        Assert.Equal(0, await Retention(harness).PurgeAsync());

        // The bundle closed but one member as if still open: the bundle waits for it.
        await harness.ExecuteAsync("UPDATE ov_cases SET closed_at = $at WHERE case_id = $id", ("$at", bundleClosedAt), ("$id", bundleCaseId));
        var memberClosedAt = await harness.ScalarAsync("SELECT closed_at FROM ov_cases WHERE case_id = $id", ("$id", members[0]));
        await harness.ExecuteAsync("UPDATE ov_cases SET closed_at = NULL WHERE case_id = $id", ("$id", members[0]));
        Assert.Equal(0, await Retention(harness).PurgeAsync());
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM ov_cases WHERE purged_at IS NOT NULL"));
        Assert.True(await EngineRowsAsync(harness, bundleCaseId) > 0);

        await harness.ExecuteAsync("UPDATE ov_cases SET closed_at = $at WHERE case_id = $id", ("$at", memberClosedAt), ("$id", members[0]));
        Assert.Equal(1 + members.Count, await Retention(harness).PurgeAsync());

        Assert.Equal(0, await EngineRowsAsync(harness, bundleCaseId));
        await Assert.ThrowsAsync<CasePurgedException>(() => harness.Bundles.GetAsync(bundleCaseId));
        foreach (var member in members)
        {
            Assert.Equal(0, await EngineRowsAsync(harness, member));
            var error = await Assert.ThrowsAsync<CasePurgedException>(() => harness.Cases.GetAsync(member));
            Assert.Equal(bundleCaseId, error.Case.BundleCaseId);
            Assert.Single(await harness.Audit.ForCaseAsync(member), a => a.Action == AuditActions.Purged);
        }

        Assert.Single(await harness.Audit.ForCaseAsync(bundleCaseId), a => a.Action == AuditActions.Purged);
        Assert.True((await harness.Audit.VerifyAsync()).AllVerified);
        Assert.Equal(1 + members.Count, (await harness.Cases.ListAsync()).Count(c => c.PurgedAt is not null));
    }

    [Fact]
    public async Task Sweep_RetentionSet_PurgesWhenTheFakeClockPassesTheIntervalAndNotBefore()
    {
        await using var harness = await CaseHarness.StartAsync(options: o =>
        {
            o.RetainFinishedCasesFor = TimeSpan.FromDays(1);
            o.RetentionSweepInterval = TimeSpan.FromDays(2);
        });
        var caseId = await CloseAsync(harness, "swept");
        var sweep = harness.Services.GetRequiredService<RetentionSweep>();
        var next = sweep.NextSweep;

        harness.Time.Advance(TimeSpan.FromDays(1));
        Assert.False(next.IsCompleted);
        Assert.Equal(CaseStage.Closed, (await harness.Cases.GetAsync(caseId)).Stage);

        harness.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await next.WaitAsync(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAsync<CasePurgedException>(() => harness.Cases.GetAsync(caseId));
    }

    [Fact]
    public async Task PurgeAsync_RetentionUnset_KeepsEverythingForever()
    {
        await using var harness = await CaseHarness.StartAsync();
        var caseId = await CloseAsync(harness, "forever");
        harness.Time.Advance(TimeSpan.FromDays(3650));

        Assert.Equal(0, await Retention(harness).PurgeAsync());
        Assert.Equal(CaseStage.Closed, (await harness.Cases.GetAsync(caseId)).Stage);
    }

    private static ICaseRetention Retention(CaseHarness harness) => harness.Services.GetRequiredService<ICaseRetention>();

    /// <summary>Submits an errand and refuses it; returns the closed case's id.</summary>
    private static async Task<string> CloseAsync(CaseHarness harness, string key)
    {
        var caseId = (await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", key))).CaseId;
        await harness.WaitForStage(caseId, CaseStage.UnderReview);
        await harness.Cases.DecideAsync(caseId, new OfficerDecision(Approved: false, Reason: "name already taken"));
        await harness.WaitForStage(caseId, CaseStage.Closed);
        return caseId;
    }

    /// <summary>What the engine keeps for a case: its workflow documents, their subscriptions, and the events keyed under it.</summary>
    private static Task<long> EngineRowsAsync(CaseHarness harness, string caseId) =>
        harness.ScalarAsync(
            """
            SELECT (SELECT COUNT(*) FROM wf_instances WHERE reference = $id)
                 + (SELECT COUNT(*) FROM wf_subscriptions WHERE workflow_id IN (SELECT id FROM wf_instances WHERE reference = $id))
                 + (SELECT COUNT(*) FROM wf_events WHERE event_key = $id OR event_key LIKE $id || '/%')
            """,
            ("$id", caseId));
}
