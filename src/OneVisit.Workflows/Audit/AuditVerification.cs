namespace OneVisit.Workflows.Audit;

/// <summary>What <see cref="IAuditLog.VerifyAsync"/> found: one check per case's chain.</summary>
/// <param name="Cases">Each case's chain, in case id order.</param>
/// <param name="MacsChecked">
/// True when the host's key (<c>CaseOptions.AuditKey</c>) was set, so every line's HMAC was checked too. Without it
/// only hashes are checked, and someone with write access to the store who rebuilt a chain is not detected.
/// </param>
public sealed record AuditVerification(IReadOnlyList<AuditChainCheck> Cases, bool MacsChecked)
{
    /// <summary>True when every chain verified: none broken, no line unchained.</summary>
    public bool AllVerified => Cases.All(c => c.State == AuditChainState.Verified);

    /// <summary>True when at least one chain is broken.</summary>
    public bool AnyBroken => Cases.Any(c => c.State == AuditChainState.Broken);
}

/// <summary>One case's chain as verified.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="State">Verified, not (fully) chained, or broken.</param>
/// <param name="ChainedLines">Lines that carry a hash.</param>
/// <param name="UnchainedLines">Lines written before the store chained lines (no hash): kept, but nothing vouches for them.</param>
/// <param name="Break">For a broken chain, its first broken line.</param>
public sealed record AuditChainCheck(string CaseId, AuditChainState State, int ChainedLines, int UnchainedLines, AuditBreak? Break = null);

/// <summary>Where a case's chain stands.</summary>
public enum AuditChainState
{
    /// <summary>Every line is chained and each hash (and HMAC, with a key) matches.</summary>
    Verified,

    /// <summary>Nothing is broken, but some lines were written before the store chained lines: they cannot be vouched for.</summary>
    NotChained,

    /// <summary>A line was changed, removed or inserted behind the store's back (see <see cref="AuditChainCheck.Break"/>).</summary>
    Broken,
}

/// <summary>The first broken line of a case's chain.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Position">The position in the chain (0 is the case's first chained line) where it breaks; null for a line without one.</param>
/// <param name="Sequence">The stored line's sequence number (<see cref="AuditEntry.Sequence"/>); null when the line is missing.</param>
/// <param name="Action">The stored line's action, if there is a line.</param>
/// <param name="Explanation">The same in words, in English.</param>
public sealed record AuditBreak(AuditBreakKind Kind, long? Position, long? Sequence, string? Action, string Explanation);

/// <summary>How a chain is broken.</summary>
public enum AuditBreakKind
{
    /// <summary>The line's content or its predecessor no longer hashes to its stored hash: it, or the line before it, was edited or replaced.</summary>
    HashMismatch,

    /// <summary>The chain skips or repeats a position: a line was removed, or one was inserted at a taken position.</summary>
    IndexGap,

    /// <summary>The case started (its index row says so) but none of its lines is left.</summary>
    MissingChain,

    /// <summary>The line's HMAC is missing or does not match the host's key: the line was rebuilt without the key, or a different key is used.</summary>
    MacMismatch,

    /// <summary>A line without hash or chain position, written after the store chained lines: inserted behind the store's back.</summary>
    LineWithoutHash,
}
