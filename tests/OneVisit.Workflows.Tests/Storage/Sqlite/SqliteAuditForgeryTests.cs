using OneVisit.Workflows.Tests.Support;
using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Persistence.Sqlite;
using OneVisit.Workflows.Storage;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Storage.Sqlite;

/// <summary>
/// Each forgery of the security review, done as an attacker with write access to the file would (a plain
/// connection, triggers dropped where they stand in the way), is found by <see cref="IAuditLog.VerifyAsync"/> with
/// its case and chain position. Case "case-a" has lines submitted (0), evidence_requested (1), decided (2),
/// delivered (3); "case-b" has one line and must stay verified whatever happens to "case-a".
/// </summary>
public sealed class SqliteAuditForgeryTests : IAsyncLifetime
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private readonly SqliteStorageFile _file = new();
    private SqliteCaseStore _store = null!;

    public async Task InitializeAsync()
    {
        (_, _store) = await _file.OpenAsync(initialize: true, AuditSeal.WithKey(Key));
        string[] actions = [AuditActions.Submitted, AuditActions.EvidenceRequested, AuditActions.Decided, AuditActions.Delivered];
        for (var i = 0; i < actions.Length; i++)
        {
            await _store.AppendAuditAsync($"case-a:{i}", Line("case-a", $"line {i}", at: At(i)) with { Action = actions[i] }, CancellationToken.None);
        }

        await _store.AppendAuditAsync("case-b:0", Line("case-b", "other case"), CancellationToken.None);
    }

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    [Fact]
    public async Task VerifyAsync_UntouchedStore_EveryChainVerifiedWithAndWithoutTheKey()
    {
        var keyed = await VerifyAsync(AuditSeal.WithKey(Key));
        var unkeyed = await VerifyAsync(AuditSeal.Unkeyed);

        Assert.True(keyed.AllVerified && keyed.MacsChecked);
        Assert.True(unkeyed.AllVerified && !unkeyed.MacsChecked);
        Assert.Equal([("case-a", 4), ("case-b", 1)], keyed.Cases.Select(c => (c.CaseId, c.ChainedLines)));
    }

    [Fact]
    public async Task VerifyAsync_DecidedLineReplacedWithInsertOrReplace_HashMismatchAtItsPosition()
    {
        // REPLACE deletes the old row without firing the delete trigger, then inserts the forged one in its place.
        Tamper("""
            INSERT OR REPLACE INTO ov_audit (seq, entry_key, case_id, subject_id, at, actor, action, detail, data_requested, purpose, chain_index, hash, mac)
            SELECT seq, entry_key, case_id, subject_id, at, actor, action, 'refused', data_requested, purpose, chain_index, hash, mac
            FROM ov_audit WHERE action = 'decided'
            """);

        await AssertBrokenAsync(AuditBreakKind.HashMismatch, position: 2, AuditActions.Decided);
    }

    [Fact]
    public async Task VerifyAsync_LineDeletedAfterDropTrigger_IndexGapAtTheMissingPosition()
    {
        Tamper("DROP TRIGGER ov_audit_no_delete; DELETE FROM ov_audit WHERE action = 'evidence_requested'");

        await AssertBrokenAsync(AuditBreakKind.IndexGap, position: 1, AuditActions.Decided);
    }

    [Fact]
    public async Task VerifyAsync_ForgedLineAppendedWithMadeUpHash_HashMismatchAtItsPosition()
    {
        Tamper("INSERT INTO ov_audit (entry_key, case_id, subject_id, at, actor, action, detail, chain_index, hash) VALUES ('forged', 'case-a', 'subject-1', 0, 'officer-9', 'decided', 'approved', 4, 'ab')");

        await AssertBrokenAsync(AuditBreakKind.HashMismatch, position: 4, AuditActions.Decided);
    }

    [Fact]
    public async Task VerifyAsync_ForgedLineWithoutHash_LineWithoutHash()
    {
        Tamper("INSERT INTO ov_audit (entry_key, case_id, subject_id, at, actor, action, detail) VALUES ('forged', 'case-a', 'subject-1', 0, 'officer-9', 'decided', 'approved')");

        await AssertBrokenAsync(AuditBreakKind.LineWithoutHash, position: null, AuditActions.Decided);
    }

    [Fact]
    public async Task VerifyAsync_FieldEditedAfterDropTrigger_HashMismatchAtThatLine()
    {
        Tamper("DROP TRIGGER ov_audit_no_update; UPDATE ov_audit SET actor = 'officer-9' WHERE action = 'evidence_requested'");

        await AssertBrokenAsync(AuditBreakKind.HashMismatch, position: 1, AuditActions.EvidenceRequested);
    }

    [Fact]
    public async Task VerifyAsync_LineReplacedAndChainRebuiltWithoutTheKey_OnlyTheKeyShowsIt()
    {
        // The attacker knows the encoding (it is documented) but not the key: they rehash the edited line and every
        // line after it, so the hashes agree again.
        var chain = await _store.AuditChainAsync("case-a", CancellationToken.None);
        var previous = chain.Lines[1].Hash;
        Tamper("DROP TRIGGER ov_audit_no_update");
        for (var i = 2; i < chain.Lines.Count; i++)
        {
            var entry = i == 2 ? chain.Lines[i].Entry with { Detail = "refused" } : chain.Lines[i].Entry;
            var hash = AuditSeal.Hash(entry, i, previous);
            Tamper($"UPDATE ov_audit SET detail = '{entry.Detail}', hash = '{hash}' WHERE seq = {entry.Sequence}");
            previous = hash;
        }

        Assert.True((await VerifyAsync(AuditSeal.Unkeyed)).AllVerified, "without a key a rebuilt chain verifies: docs/audit.md says so");
        await AssertBrokenAsync(AuditBreakKind.MacMismatch, position: 2, AuditActions.Decided);
    }

    [Fact]
    public async Task VerifyAsync_StartedCaseWhoseLinesAreAllDeleted_MissingChain()
    {
        await _store.TryInsertCaseAsync(Case("case-a"), CancellationToken.None);
        await _store.SetWorkflowAsync("case-a", "wf-a", CancellationToken.None);
        Tamper("DROP TRIGGER ov_audit_no_delete; DELETE FROM ov_audit WHERE case_id = 'case-a'");

        await AssertBrokenAsync(AuditBreakKind.MissingChain, position: 0, action: null);
    }

    [Fact]
    public async Task VerifyAsync_WrongKey_MacMismatchAtTheFirstLine()
    {
        var verification = await VerifyAsync(AuditSeal.WithKey([.. Key.Reverse()]));

        Assert.All(verification.Cases, c => Assert.Equal((AuditBreakKind.MacMismatch, 0L), (c.Break!.Kind, c.Break.Position!.Value)));
    }

    [Fact]
    public async Task VerifyAsync_OneCase_OnlyThatCase()
    {
        Tamper("DROP TRIGGER ov_audit_no_update; UPDATE ov_audit SET detail = 'x' WHERE case_id = 'case-a'");

        var verification = await VerifyAsync(AuditSeal.WithKey(Key), "case-b");

        Assert.Equal("case-b", Assert.Single(verification.Cases).CaseId);
        Assert.True(verification.AllVerified);
    }

    private async Task AssertBrokenAsync(AuditBreakKind kind, long? position, string? action)
    {
        var verification = await VerifyAsync(AuditSeal.WithKey(Key));

        Assert.True(verification.AnyBroken);
        var broken = Assert.Single(verification.Cases, c => c.State == AuditChainState.Broken);
        Assert.Equal("case-a", broken.CaseId);
        Assert.Equal((kind, position, action), (broken.Break!.Kind, broken.Break.Position, broken.Break.Action));
        Assert.Equal(AuditChainState.Verified, verification.Cases.Single(c => c.CaseId == "case-b").State);
    }

    private Task<AuditVerification> VerifyAsync(AuditSeal seal, string? caseId = null) =>
        TestAuditLog.Over(_store, seal).VerifyAsync(caseId);

    private void Tamper(string sql)
    {
        using var connection = _file.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
