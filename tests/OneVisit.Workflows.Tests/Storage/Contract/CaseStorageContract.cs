using OneVisit.Workflows.Storage;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Storage.Contract;

/// <summary>The storage as a whole: transactions of their own that commit all or nothing, and a safe start.</summary>
public abstract class CaseStorageContract : StorageContract
{
    private sealed class StepFailedException() : Exception("the step failed half-way");

    /// <summary>A step's typical writes, all under keys of <paramref name="caseId"/>.</summary>
    private static void StepWrites(ICaseTransaction t, string caseId)
    {
        t.AppendAudit($"{caseId}:accepted", Line(caseId, "accepted"));
        t.UpdateStage(caseId, "Accepted", null, "authority-9", null);
        t.RecordVisit($"{caseId}:visit:1", Visit(caseId, At(1)));
        t.AddCommitment(Commitment(caseId, "tax", new DateOnly(2025, 4, 1)));
        t.ScheduleTimer(Timer($"{caseId}:supplement-1:1", caseId, At(60)));
        Assert.True(t.TryClaim("onevisit.decision", $"{caseId}/decision/1", caseId, "officer-1", At(1), onlyWhileOpen: true));
    }

    private async Task AssertStepStoredAsync(string caseId, bool stored)
    {
        Assert.Equal(stored, (await Audit.AuditOfCaseAsync(caseId, None)).Count == 1);
        Assert.Equal(stored ? "Accepted" : "Submitted", (await Cases.FindCaseAsync(caseId, None))!.Stage);
        Assert.Equal(stored, (await Ledgers.VisitsOfCaseAsync(caseId, None)).Count == 1);
        Assert.Equal(stored, (await Ledgers.CommitmentsOfCaseAsync(caseId, None)).Count == 1);
        Assert.Equal(stored, (await Timers.PendingTimersAsync(None)).Any(t => t.CaseId == caseId));
        Assert.Equal(stored, await Cases.IsClaimedAsync("onevisit.decision", $"{caseId}/decision/1", None));
    }

    [Fact]
    public async Task WriteAsync_SeveralWrites_CommitsThemAllAndReturnsTheResult()
    {
        await StartCaseAsync(Case("case-1"));

        var result = await Storage.WriteAsync(
            t =>
            {
                StepWrites(t, "case-1");
                return 42;
            },
            None);

        Assert.Equal(42, result);
        await AssertStepStoredAsync("case-1", stored: true);
    }

    [Fact]
    public async Task WriteAsync_DelegateThrowsAfterWriting_StoresNoneOfItsWritesAndRethrows()
    {
        await StartCaseAsync(Case("case-1"));
        var failure = new StepFailedException();

        var thrown = await Assert.ThrowsAsync<StepFailedException>(() => Storage.WriteAsync<int>(
            t =>
            {
                StepWrites(t, "case-1");
                throw failure;
            },
            None));

        Assert.Same(failure, thrown);
        await AssertStepStoredAsync("case-1", stored: false);
    }

    [Fact]
    public async Task WriteAsync_OneOfConcurrentWritesThrows_TheOthersAreStored()
    {
        var ids = Enumerable.Range(1, 20).Select(i => $"case-{i}").ToList();
        foreach (var id in ids)
        {
            await StartCaseAsync(Case(id));
        }

        var writes = ids.Select(id => Storage.WriteAsync(
            t =>
            {
                StepWrites(t, id);
                return id == "case-7" ? throw new StepFailedException() : id;
            },
            None)).ToList();

        await Assert.ThrowsAsync<StepFailedException>(() => writes[6]);
        await Task.WhenAll(writes.Where((_, i) => i != 6));
        await AssertStepStoredAsync("case-7", stored: false);
        await AssertStepStoredAsync("case-6", stored: true);
        await AssertStepStoredAsync("case-8", stored: true);
        Assert.Equal(19, (await Timers.PendingTimersAsync(None)).Count);
    }

    [Fact]
    public async Task InitializeAsync_AgainOnTheSameStore_KeepsDataAndStillWorks()
    {
        var row = await StartCaseAsync(Case("case-1"));
        await Audit.AppendAuditAsync("k1", Line("case-1", "before"), None);

        await Storage.InitializeAsync(None);
        await Storage.InitializeAsync(None);

        Assert.Equal(row, await Cases.FindCaseAsync("case-1", None));
        await Audit.AppendAuditAsync("k2", Line("case-1", "after"), None);
        Assert.Equal(["before", "after"], (await Audit.AuditOfCaseAsync("case-1", None)).Select(l => l.Detail));
    }

    [Fact]
    public async Task InitializeAsync_SecondInstanceOnTheSameStore_SeesAndSharesTheData()
    {
        var row = await StartCaseAsync(Case("case-1"));
        await using var second = await Store.OpenAnotherAsync();
        if (Store.OneHost)
        {
            // One host per store (SQLite's file): the second does not start, yet reads what the first wrote.
            await Assert.ThrowsAsync<Workflows.Cases.CaseStoreInUseException>(() => second.Storage.InitializeAsync(None));
            Assert.Equal(row, await second.Cases.FindCaseAsync("case-1", None));
            return;
        }

        await second.Storage.InitializeAsync(None);

        Assert.Equal(row, await second.Cases.FindCaseAsync("case-1", None));
        await second.Audit.AppendAuditAsync("k1", Line("case-1", "from the second"), None);
        Assert.Equal(["from the second"], (await Audit.AuditOfCaseAsync("case-1", None)).Select(l => l.Detail));
        Assert.Equal([row], await second.Cases.ListCasesAsync(null, authorityIds: null, openOnly: true, 10, None));
    }

    [Fact]
    public void Translate_ExceptionNotOfTheStore_ReturnsNull()
    {
        Assert.Null(Storage.Translate(new StepFailedException()));
        Assert.Null(Storage.Translate(new InvalidOperationException("not a store failure")));
    }
}
