using Microsoft.Extensions.DependencyInjection;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Engine;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>A submission that failed, or was cut short by a crash, never leaves a half-made case behind.</summary>
public sealed class SubmissionRepairTests
{
    [Fact]
    public async Task SubmitAsync_WorkflowFailsToStart_LeavesNothingListedAndCanBeRetried()
    {
        var engine = (FailingStart?)null;
        await using var harness = await CaseHarness.StartAsync(overrides: s => s.AddSingleton<ICaseEngine>(sp => engine = new FailingStart(sp.GetRequiredService<WorkflowCoreCaseEngine>())));
        var submission = harness.Errand("03-company-name-province.yaml", "fails-once");

        await Assert.ThrowsAsync<IOException>(() => harness.Cases.SubmitAsync(submission));

        Assert.Empty(await harness.Cases.ListAsync());
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM ov_cases"));
        Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM ov_audit"));
        var retried = await harness.Cases.SubmitAsync(submission);
        Assert.Equal(retried.CaseId, Assert.Single(await harness.Cases.ListAsync()).CaseId);
        Assert.Equal(1, engine!.Failed);
        await harness.WaitForStage(retried.CaseId, CaseStage.UnderReview);
    }

    [Fact]
    public async Task HostStart_CaseRecordedWithoutAWorkflow_IsRemovedAndOneWhoseWorkflowStartedIsLinked()
    {
        var directory = Directory.CreateTempSubdirectory("onevisit-repair-").FullName;
        try
        {
            string started;
            await using (var harness = await CaseHarness.StartAsync(directory: directory))
            {
                started = (await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "started"))).CaseId;
                await harness.WaitForStage(started, CaseStage.UnderReview);

                // As a crash leaves them: a case recorded before its workflow started, and one whose workflow started
                // before the case was linked to it.
                await harness.ExecuteAsync(
                    "INSERT INTO ov_cases (case_id, workflow_id, idempotency_key, request_hash, procedure_code, procedure_version, applicant_id, stage, outcome, authority_id, submitted_at, closed_at) " +
                    "VALUES ('CHALFMADE', NULL, 'half-made', 'HASH', '330100-SC-0003', 1, '330106198001010011', 'Submitted', NULL, 'zj_amr', $at, NULL)",
                    ("$at", harness.Time.GetUtcNow().ToUnixTimeMilliseconds()));
                Assert.Equal(1, await harness.ExecuteAsync("UPDATE ov_cases SET workflow_id = NULL WHERE case_id = $c", ("$c", started)));

                Assert.Equal(started, Assert.Single(await harness.Cases.ListAsync()).CaseId);
                await Assert.ThrowsAsync<CaseNotFoundException>(() => harness.Cases.GetAsync("CHALFMADE"));
            }

            await using (var harness = await CaseHarness.StartAsync(directory: directory))
            {
                Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM ov_cases WHERE case_id = 'CHALFMADE'"));
                Assert.Equal(0, await harness.ScalarAsync("SELECT COUNT(*) FROM ov_cases WHERE workflow_id IS NULL"));
                Assert.Equal(started, Assert.Single(await harness.Cases.ListAsync()).CaseId);

                // The key of the removed record is free again, and the linked case goes on.
                var again = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "half-made"));
                Assert.NotEqual("CHALFMADE", again.CaseId);
                await harness.Cases.DecideAsync(started, new OfficerDecision(Approved: true));
                Assert.Equal(CaseOutcome.Approved, (await harness.WaitForStage(started, CaseStage.Closed)).Outcome);
                Assert.Single(await harness.Audit.ForCaseAsync(started), a => a.Action == AuditActions.Submitted);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS's temp cleaning.
            }
        }
    }

    /// <summary>The real engine, except that the first start fails as a full disk or a lost file would make it.</summary>
    private sealed class FailingStart(ICaseEngine inner) : ICaseEngine
    {
        public int Failed { get; private set; }

        public Task<string> StartCaseAsync(CaseData data, CancellationToken cancellationToken)
        {
            if (Failed == 0)
            {
                Failed++;
                throw new IOException("simulated: the workflow could not be written");
            }

            return inner.StartCaseAsync(data, cancellationToken);
        }

        public Task EnsureDefinitionAsync(CaseTerms terms, CancellationToken cancellationToken) => inner.EnsureDefinitionAsync(terms, cancellationToken);

        public Task<CaseData?> LoadAsync(string workflowId, CancellationToken cancellationToken) => inner.LoadAsync(workflowId, cancellationToken);

        public Task<string?> FindWorkflowAsync(string caseId, CancellationToken cancellationToken) => inner.FindWorkflowAsync(caseId, cancellationToken);

        public Task<bool> PurgeAsync(IReadOnlyList<string> caseIds, Func<OneVisit.Workflows.Storage.ICaseTransaction, bool> caseWrites, CancellationToken cancellationToken) => inner.PurgeAsync(caseIds, caseWrites, cancellationToken);

        public Task StartAsync(IReadOnlyList<CaseTerms> current, CancellationToken cancellationToken) => inner.StartAsync(current, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

        public Task NextSave(string workflowId) => inner.NextSave(workflowId);

        public ISaveWatch Watch(string workflowId) => inner.Watch(workflowId);

        public Task<IAsyncDisposable> JoinLocksAsync() => inner.JoinLocksAsync();

        public Task<bool> UpdateCaseAsync(string workflowId, Func<CaseData, bool> change, TimeSpan lockWait, CancellationToken cancellationToken) =>
            inner.UpdateCaseAsync(workflowId, change, lockWait, cancellationToken);

        public Task<string> StartBundleAsync(Workflows.Bundles.Internal.BundleData data, CancellationToken cancellationToken) => inner.StartBundleAsync(data, cancellationToken);

        public Task<Workflows.Bundles.Internal.BundleData?> LoadBundleAsync(string workflowId, CancellationToken cancellationToken) => inner.LoadBundleAsync(workflowId, cancellationToken);
    }
}
