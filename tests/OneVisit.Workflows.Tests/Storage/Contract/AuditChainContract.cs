using OneVisit.Workflows.Storage;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Storage.Contract;

/// <summary>
/// The audit chain: every store places each new line at its case's next position, hashed over the line before
/// (<see cref="AuditSeal"/>), and hands the chain back as stored, so one verifier works on any store.
/// </summary>
public abstract class AuditChainContract : StorageContract
{
    [Fact]
    public async Task AuditChainAsync_LinesOfTwoCasesInterleaved_EachCaseChainedFromZeroOverItsPreviousHash()
    {
        await Audit.AppendAuditAsync("a1", Line("case-a", "a first"), None);
        await WriteAsync(t => t.AppendAudit("b1", Line("case-b", "b first")));
        await WriteAsync(t =>
        {
            t.AppendAudit("a2", Line("case-a", "a second", at: At(1)));
            t.AppendAudit("a3", Line("case-a", "a third", at: At(2)));
        });

        var chain = await Audit.AuditChainAsync("case-a", None);

        Assert.Equal([0L, 1L, 2L], chain.Lines.Select(l => l.ChainIndex!.Value));
        string? previous = null;
        foreach (var line in chain.Lines)
        {
            Assert.Equal(AuditSeal.Hash(line.Entry, line.ChainIndex!.Value, previous), line.Hash);
            Assert.Null(line.Mac);
            Assert.False(line.WrittenBeforeChaining);
            previous = line.Hash;
        }

        Assert.Equal(0L, Assert.Single((await Audit.AuditChainAsync("case-b", None)).Lines).ChainIndex);
    }

    [Fact]
    public async Task AppendAudit_SameKeyAgainAfterLaterLines_NeitherForksNorExtendsTheChain()
    {
        // A step that runs again after a crash repeats its key after other lines were appended.
        await Audit.AppendAuditAsync("k1", Line("case-a", "one"), None);
        await Audit.AppendAuditAsync("k2", Line("case-a", "two"), None);
        await WriteAsync(t => t.AppendAudit("k1", Line("case-a", "one, again")));
        await Audit.AppendAuditAsync("k3", Line("case-a", "three"), None);

        var chain = await Audit.AuditChainAsync("case-a", None);

        Assert.Equal(["one", "two", "three"], chain.Lines.Select(l => l.Entry.Detail));
        Assert.Equal([0L, 1L, 2L], chain.Lines.Select(l => l.ChainIndex!.Value));
    }

    [Fact]
    public async Task AppendAudit_KeysRepeatedWithinOneTransaction_NoLineWrittenAndTheNextLineChainsOnTheLastWritten()
    {
        // PostgreSQL keeps a case's chain head in the transaction after its first line (one lock and head read per
        // case and transaction): a repeated key, whether first used in this transaction or before it, must not move it.
        await Audit.AppendAuditAsync("k1", Line("case-a", "one"), None);
        await WriteAsync(t =>
        {
            t.AppendAudit("k2", Line("case-a", "two", at: At(1)));
            t.AppendAudit("k2", Line("case-a", "two, again", at: At(2)));
            t.AppendAudit("k1", Line("case-a", "one, again", at: At(3)));
            t.AppendAudit("b1", Line("case-b", "b first", at: At(4)));
            t.AppendAudit("k3", Line("case-a", "three", at: At(5)));
        });
        await Audit.AppendAuditAsync("k4", Line("case-a", "four", at: At(6)), None);

        var chain = await Audit.AuditChainAsync("case-a", None);

        Assert.Equal(["one", "two", "three", "four"], chain.Lines.Select(l => l.Entry.Detail));
        Assert.Equal([0L, 1L, 2L, 3L], chain.Lines.Select(l => l.ChainIndex!.Value));
        AssertChained(chain);

        Assert.Equal(0L, Assert.Single((await Audit.AuditChainAsync("case-b", None)).Lines).ChainIndex);
    }

    [Fact]
    public async Task AppendAudit_RepeatedKeyFoundWhenAStatementNeedsAnAnswer_TheNextLineChainsOnTheLastWritten()
    {
        // PostgreSQL holds a transaction's writes back until a statement needs an answer from the server (the claim
        // here) or the commit: the repeated key is found out when they are sent halfway, and gives its position back.
        await Audit.AppendAuditAsync("k1", Line("case-a", "one"), None);
        await WriteAsync(t =>
        {
            t.AppendAudit("k2", Line("case-a", "two", at: At(1)));
            t.AppendAudit("k1", Line("case-a", "one, again", at: At(2)));
            Assert.True(t.TryClaim("ev", "case-a/ev", "case-a", "officer-1", At(3), onlyWhileOpen: false));
            t.AppendAudit("k3", Line("case-a", "three", at: At(4)));
        });

        var chain = await Audit.AuditChainAsync("case-a", None);

        Assert.Equal(["one", "two", "three"], chain.Lines.Select(l => l.Entry.Detail));
        Assert.Equal([0L, 1L, 2L], chain.Lines.Select(l => l.ChainIndex!.Value));
        AssertChained(chain);
    }

    [Fact]
    public async Task AuditChainAsync_StartedCaseAndUnknownCase_SaysWhichStarted()
    {
        await StartCaseAsync(Case("case-s"));
        await Cases.TryInsertCaseAsync(Case("case-reserved"), None);

        Assert.True((await Audit.AuditChainAsync("case-s", None)).Started);
        Assert.False((await Audit.AuditChainAsync("case-reserved", None)).Started);
        var unknown = await Audit.AuditChainAsync("case-none", None);
        Assert.False(unknown.Started);
        Assert.Empty(unknown.Lines);
    }

    [Fact]
    public async Task AuditedCasesAsync_CasesWithLinesOrIndexRows_EachOnceInOrder()
    {
        await Audit.AppendAuditAsync("k1", Line("case-b", "b"), None);
        await Audit.AppendAuditAsync("k2", Line("case-b", "b again"), None);
        await StartCaseAsync(Case("case-c"));
        await Audit.AppendAuditAsync("k3", Line("case-a", "a"), None);

        Assert.Equal(["case-a", "case-b", "case-c"], await Audit.AuditedCasesAsync(None));
    }

    /// <summary>Each line hashed over the one before it, from the chain's start.</summary>
    private static void AssertChained(AuditChain chain)
    {
        string? previous = null;
        foreach (var line in chain.Lines)
        {
            Assert.Equal(AuditSeal.Hash(line.Entry, line.ChainIndex!.Value, previous), line.Hash);
            previous = line.Hash;
        }
    }
}
