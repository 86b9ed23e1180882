namespace OneVisit.Workflows.Migration;

/// <summary>A migration's plan, or what a run of it did: one entry per open case of the procedure, by case id.</summary>
/// <param name="ProcedureCode">The procedure.</param>
/// <param name="ToVersion">The version the cases move to.</param>
/// <param name="Cases">Each open case of the procedure.</param>
public sealed record MigrationPlan(string ProcedureCode, int ToVersion, IReadOnlyList<CaseMigration> Cases)
{
    /// <summary>How many cases have <paramref name="status"/>.</summary>
    public int Count(MigrationStatus status) => Cases.Count(c => c.Status == status);
}

/// <summary>One case in a <see cref="MigrationPlan"/>.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="FromVersion">The version the case was on when planned (the one it left, once moved).</param>
/// <param name="Stage">Where the case stood.</param>
/// <param name="Status">Whether it moves, moved, had moved already, or cannot move.</param>
/// <param name="Reason">Why it cannot move; null otherwise.</param>
/// <param name="Changes">What changes (changed) for the case; empty when it cannot move or nothing but the version changes.</param>
public sealed record CaseMigration(string CaseId, int FromVersion, Cases.CaseStage Stage, MigrationStatus Status, string? Reason, IReadOnlyList<MigrationChange> Changes);

/// <summary>Where a case stands in a migration.</summary>
public enum MigrationStatus
{
    /// <summary>Planned: it would move.</summary>
    WillMove,

    /// <summary>It cannot move; <see cref="CaseMigration.Reason"/> says why. It stays on its version.</summary>
    CannotMove,

    /// <summary>This run moved it.</summary>
    Moved,

    /// <summary>It was on the target version already (an earlier run moved it).</summary>
    AlreadyMoved,
}

/// <summary>One change a migration makes to a case.</summary>
/// <param name="Kind">What kind of change.</param>
/// <param name="Subject">What it is about: a material id, a limit (<c>statutory</c>, <c>promised</c>) or <c>authority</c>.</param>
/// <param name="Detail">The change in words, as the case's audit line records it.</param>
public sealed record MigrationChange(MigrationChangeKind Kind, string Subject, string Detail);

/// <summary>The kinds of change a migration makes.</summary>
public enum MigrationChangeKind
{
    /// <summary>A material the new version requires that the case did not: the applicant is asked for it, in one notice.</summary>
    MaterialRequired,

    /// <summary>A material the new version no longer requires: it is no longer asked for or waited for.</summary>
    MaterialNoLongerRequired,

    /// <summary>A held form in an older edition that the new edition converts from (<c>converts_from</c>): nothing to bring.</summary>
    EditionConverted,

    /// <summary>A held form in an edition the new version no longer accepts and cannot convert: asked for in the notice.</summary>
    EditionOutdated,

    /// <summary>The government now fetches a material itself, or stops fetching it.</summary>
    Fetching,

    /// <summary>Another competent authority: the case is forwarded to it.</summary>
    Forwarded,

    /// <summary>A different time limit, and the rule used for the time already spent.</summary>
    TimeLimit,
}
