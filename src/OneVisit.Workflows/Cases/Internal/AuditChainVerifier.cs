using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// Walks one case's chain as stored and finds its first broken line. It only reads: what it trusts is the
/// encoding (<see cref="AuditSeal"/>) and, when set, the host's key, never a flag stored next to the lines.
/// </summary>
internal static class AuditChainVerifier
{
    public static AuditChainCheck Check(AuditChain chain, AuditSeal seal)
    {
        var unchained = chain.Lines.Count(l => l.Hash is null && l.WrittenBeforeChaining);
        var chained = chain.Lines.Count - unchained;
        var found = FirstBreak(chain, seal);
        var state = found is not null ? AuditChainState.Broken : unchained > 0 ? AuditChainState.NotChained : AuditChainState.Verified;
        return new AuditChainCheck(chain.CaseId, state, chained, unchained, found);
    }

    private static AuditBreak? FirstBreak(AuditChain chain, AuditSeal seal)
    {
        if (chain.Lines.Count == 0)
        {
            return chain.Started
                ? new AuditBreak(AuditBreakKind.MissingChain, 0, null, null, "the case started but has no audit line: its whole chain was removed")
                : null;
        }

        if (chain.Lines.FirstOrDefault(l => (l.Hash is null || l.ChainIndex is null) && !l.WrittenBeforeChaining) is { } forged)
        {
            return new AuditBreak(AuditBreakKind.LineWithoutHash, forged.ChainIndex, forged.Entry.Sequence, forged.Entry.Action,
                "a line without hash or chain position, written after the store chained lines: it was put there behind the store's back");
        }

        return FirstBreakInChain(chain.Lines.Where(l => l.Hash is not null && l.ChainIndex is not null), seal);
    }

    private static AuditBreak? FirstBreakInChain(IEnumerable<AuditChainLine> lines, AuditSeal seal)
    {
        long expected = 0;
        string? previous = null;
        foreach (var line in lines)
        {
            var index = line.ChainIndex!.Value;
            if (index != expected)
            {
                return Break(AuditBreakKind.IndexGap, expected, line, index > expected
                    ? $"position {expected} is missing (the next line stored is at {index}): a line was removed"
                    : $"position {index} appears twice: a line was inserted");
            }

            if (AuditSeal.Hash(line.Entry, index, previous) != line.Hash)
            {
                return Break(AuditBreakKind.HashMismatch, index, line, index == 0
                    ? "the line does not hash to its stored hash: it was edited or replaced"
                    : "the line does not hash to its stored hash over the line before it: it, or the line before it, was edited or replaced");
            }

            if (seal.IsKeyed && seal.Mac(line.Hash!) != line.Mac)
            {
                return Break(AuditBreakKind.MacMismatch, index, line, line.Mac is null
                    ? "the line has no HMAC: it was written without the key, or rebuilt by someone without it"
                    : "the line's HMAC does not match the key: it was rebuilt by someone without the key, or another key is in use");
            }

            previous = line.Hash;
            expected++;
        }

        return null;
    }

    private static AuditBreak Break(AuditBreakKind kind, long position, AuditChainLine line, string explanation) =>
        new(kind, position, line.Entry.Sequence, line.Entry.Action, explanation);
}
