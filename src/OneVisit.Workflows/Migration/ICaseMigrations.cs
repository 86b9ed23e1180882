namespace OneVisit.Workflows.Migration;

/// <summary>
/// Moves open cases of a procedure to a later version of it, as an explicit, planned operation. A case keeps the
/// version it started on unless it is migrated: law changes while cases are open, and an operator decides which
/// cases follow, after reading the plan.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="PlanAsync"/> changes nothing: for each open case it says what would change (materials newly required, for
/// which the applicant gets one notice; materials no longer required; held forms in an older edition, converted or
/// asked again; a different competent authority, to which the case is forwarded; different time limits, with the rule
/// used for the time already spent) or why the case cannot move.
/// </para>
/// <para>
/// <see cref="ApplyAsync"/> plans each case again under its workflow's lock and moves it in one transaction with its
/// audit line (<see cref="Audit.AuditActions.Migrated"/>, naming both versions): exactly once, since a case already on
/// the target version is skipped, so a run a crash interrupted is finished by running it again. Steps already done are
/// never run again; waits the new version no longer needs are ended. The rules are in docs/migration.md.
/// </para>
/// <para>
/// Only the host's processing migrates (<see cref="Actors.CaseActorKind.System"/>, as the operator's command runs);
/// any other actor gets <see cref="Actors.AccessDeniedException"/>. The target version is the one the catalogue holds:
/// the rules of older versions are kept for the cases on them, but only the catalogue's can precheck a case again.
/// </para>
/// </remarks>
public interface ICaseMigrations
{
    /// <summary>The same migrations acting as <paramref name="actor"/> (see <see cref="Cases.ICaseService.As"/>).</summary>
    ICaseMigrations As(Actors.CaseActor actor);

    /// <summary>What moving every open case of <paramref name="procedureCode"/> to <paramref name="toVersion"/> would do; nothing is changed.</summary>
    /// <exception cref="Cases.InvalidCaseInputException">The code is unknown, or the catalogue does not hold that version of it.</exception>
    /// <exception cref="Actors.AccessDeniedException">The actor is not the host's processing.</exception>
    /// <exception cref="Cases.CaseStoreException">The store cannot be read.</exception>
    Task<MigrationPlan> PlanAsync(string procedureCode, int toVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves every open case of <paramref name="procedureCode"/> that can move to <paramref name="toVersion"/>, one at a
    /// time; <paramref name="progress"/> hears of each case as it is settled. The result lists each case as moved, already
    /// moved (by an earlier run) or unable to move, with the changes made or the reason.
    /// </summary>
    /// <exception cref="Cases.InvalidCaseInputException">The code is unknown, or the catalogue does not hold that version of it.</exception>
    /// <exception cref="Actors.AccessDeniedException">The actor is not the host's processing.</exception>
    /// <exception cref="Cases.CaseStoreException">The store cannot be read or written; cases moved before it stay moved.</exception>
    Task<MigrationPlan> ApplyAsync(string procedureCode, int toVersion, IProgress<CaseMigration>? progress = null, CancellationToken cancellationToken = default);
}
