using Microsoft.Extensions.Logging;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Actors.Internal;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Migration.Internal;

/// <summary>
/// <see cref="ICaseMigrations"/> on the storage port and the engine: open cases are read a page at a time, each planned
/// by <see cref="MigrationPlanner"/>, and each move made under its workflow's lock by <see cref="ICaseEngine.UpdateCaseAsync"/>,
/// planned again there on the data as last saved, so a step that ran between the plan and the move is taken into account.
/// </summary>
internal sealed partial class CaseMigrations(
    ICaseStore store,
    ICaseEngine engine,
    CaseProcess process,
    PrecheckEngine precheck,
    CaseCalendar calendar,
    CaseStoreErrors errors,
    CaseGate gate,
    TimeProvider time,
    ILogger<CaseMigrations> logger) : ICaseMigrations
{
    /// <summary>Open cases read per query: a procedure with many open cases never sits in memory whole.</summary>
    internal const int PageSize = 200;

    /// <summary>How long a move waits for a step holding the case's workflow.</summary>
    internal static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    private CaseActor? Fixed { get; init; }

    public ICaseMigrations As(CaseActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new CaseMigrations(store, engine, process, precheck, calendar, errors, gate, time, logger) { Fixed = actor };
    }

    public async Task<MigrationPlan> PlanAsync(string procedureCode, int toVersion, CancellationToken cancellationToken = default)
    {
        var procedure = await StartAsync(procedureCode, toVersion).ConfigureAwait(false);
        var planner = new MigrationPlanner(precheck, calendar);
        var cases = new List<CaseMigration>();
        await foreach (var (row, workflowId) in OpenCasesAsync(procedure.Code, cancellationToken).ConfigureAwait(false))
        {
            var data = await errors.GuardAsync(() => engine.LoadAsync(workflowId, cancellationToken)).ConfigureAwait(false);
            if (data is not null)
            {
                cases.Add(planner.Plan(row, data, procedure).Plan);
            }
        }

        return new MigrationPlan(procedure.Code, procedure.Version, cases);
    }

    public async Task<MigrationPlan> ApplyAsync(string procedureCode, int toVersion, IProgress<CaseMigration>? progress = null, CancellationToken cancellationToken = default)
    {
        var procedure = await StartAsync(procedureCode, toVersion).ConfigureAwait(false);
        var planner = new MigrationPlanner(precheck, calendar);
        await engine.EnsureDefinitionAsync(CaseTermsFactory.From(procedure, precheck.Catalog.Documents), cancellationToken).ConfigureAwait(false);
        await using var locks = (await engine.JoinLocksAsync().ConfigureAwait(false)).ConfigureAwait(false);
        var cases = new List<CaseMigration>();
        await foreach (var (row, workflowId) in OpenCasesAsync(procedure.Code, cancellationToken).ConfigureAwait(false))
        {
            var settled = await MoveAsync(planner, row, workflowId, procedure, cancellationToken).ConfigureAwait(false);
            if (settled is not null)
            {
                cases.Add(settled);
                progress?.Report(settled);
            }
        }

        return new MigrationPlan(procedure.Code, procedure.Version, cases);
    }

    /// <summary>Plans the case again on its data under the lock and, when it can move, moves it with that save.</summary>
    private async Task<CaseMigration?> MoveAsync(MigrationPlanner planner, CaseRow row, string workflowId, Procedure procedure, CancellationToken cancellationToken)
    {
        PlannedCase? planned = null;
        bool moved;
        try
        {
            moved = await TryMoveAsync().ConfigureAwait(false);
        }
        catch (TimeoutException busy)
        {
            // A step kept the case's workflow the whole time: this case waits for the next run, the others go on.
            LogStays(row.CaseId, procedure.Code, procedure.Version, busy.Message);
            return new CaseMigration(row.CaseId, row.ProcedureVersion, Enum.Parse<CaseStage>(row.Stage), MigrationStatus.CannotMove, $"busy: {busy.Message} Run the migration again to move it.", []);
        }

        Task<bool> TryMoveAsync() => errors.GuardAsync(() => engine.UpdateCaseAsync(
            workflowId,
            data =>
            {
                planned = planner.Plan(row, data, procedure);
                if (planned.Target is null)
                {
                    return false;
                }

                process.Migrate(data, planned.Target, planned.Plan.Changes);
                return true;
            },
            LockWait,
            cancellationToken));

        if (planned is null)
        {
            return null; // The workflow ended between the listing and the lock: the case is closed, nothing to move.
        }

        var plan = moved ? planned.Plan with { Status = MigrationStatus.Moved } : planned.Plan;
        if (moved)
        {
            LogMoved(plan.CaseId, procedure.Code, plan.FromVersion, procedure.Version, plan.Changes.Count);
        }
        else if (plan.Status == MigrationStatus.CannotMove)
        {
            LogStays(plan.CaseId, procedure.Code, procedure.Version, plan.Reason!);
        }

        return plan;
    }

    /// <summary>Authorizes the actor and finds the version to move to: the catalogue's, which must be the one asked for.</summary>
    private async Task<Procedure> StartAsync(string procedureCode, int toVersion)
    {
        var actor = gate.Actor(Fixed, CaseOperation.Migrate);
        if (CaseAccess.Migrator(actor) is { } needed)
        {
            throw await gate.DeniedAsync(new AccessDeniedException("", CaseOperation.Migrate, actor, needed), actor, "").ConfigureAwait(false);
        }

        CaseInputs.Identifier(procedureCode, nameof(procedureCode));
        if (!precheck.Catalog.Procedures.TryGetValue(procedureCode, out var procedure))
        {
            throw new InvalidCaseInputException("", nameof(procedureCode), $"The catalogue has no procedure '{procedureCode}'; give the code of one it holds (onevisit lint lists them).");
        }

        if (procedure.Version != toVersion)
        {
            throw new InvalidCaseInputException("", nameof(toVersion), $"The catalogue holds v{procedure.Version} of {procedureCode}, not v{toVersion}: cases move to the version the catalogue holds, whose rules can precheck them again. Load the catalogue with v{toVersion}, or ask for v{procedure.Version}.");
        }

        if (procedure.EffectiveFrom > calendar.LocalDate(time.GetUtcNow()))
        {
            throw new InvalidCaseInputException("", nameof(toVersion), $"v{toVersion} of {procedureCode} is in force from {procedure.EffectiveFrom:yyyy-MM-dd}: cases move to it on or after that day, not before.");
        }

        return procedure;
    }

    /// <summary>The procedure's open cases, a page at a time, with the workflow that runs each.</summary>
    private async IAsyncEnumerable<(CaseRow Row, string WorkflowId)> OpenCasesAsync(string code, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var page = await errors.GuardAsync(() => store.OpenCasesOfProcedureAsync(code, after, PageSize, cancellationToken)).ConfigureAwait(false);
            foreach (var row in page)
            {
                var workflowId = row.WorkflowId ?? await errors.GuardAsync(() => engine.FindWorkflowAsync(row.CaseId, cancellationToken)).ConfigureAwait(false);
                if (workflowId is not null)
                {
                    yield return (row, workflowId);
                }
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].CaseId;
        }
    }

    [LoggerMessage(EventId = 1901, Level = LogLevel.Information, Message = "Case {CaseId} moved from {Code} v{FromVersion} to v{ToVersion} ({Changes} changes)")]
    private partial void LogMoved(string caseId, string code, int fromVersion, int toVersion, int changes);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Information, Message = "Case {CaseId} stays off {Code} v{ToVersion}: {Reason}")]
    private partial void LogStays(string caseId, string code, int toVersion, string reason);
}
