using System.Globalization;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Deadlines;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Migration.Internal;

/// <summary>
/// Decides, for one open case, whether it can move to the catalogue's version of its procedure and what changes: the
/// case's stored application, with what the applicant handed in since, is prechecked again under the new version (on
/// its submission date, so only the version differs), and the result compared with what the case holds now.
/// </summary>
/// <remarks>
/// The rules (docs/migration.md): a decided, closed or bundled case stays; a case not yet accepted takes the new
/// version whole, with one notice for what it newly needs; an accepted case moves only where that asks nothing more of
/// the applicant (从旧兼从轻: a new requirement is not applied to an application already accepted), keeps its running
/// steps (the new workflow must have the same shape), and keeps the earlier of its old and new due dates.
/// </remarks>
internal sealed class MigrationPlanner(PrecheckEngine precheck, CaseCalendar calendar)
{
    public PlannedCase Plan(CaseRow row, CaseData data, Procedure procedure)
    {
        var from = data.Terms.Version;
        var to = procedure.Version;
        if (from == to)
        {
            return PlannedCase.Stays(data, MigrationStatus.AlreadyMoved, null);
        }

        if (Blocked(row, data, to) is { } reason)
        {
            return PlannedCase.Stays(data, MigrationStatus.CannotMove, reason);
        }

        PrecheckResult result;
        CaseData fresh;
        try
        {
            var request = Request(row, data, procedure);
            result = precheck.Check(request);
            fresh = CaseFactory.Create(data.CaseId, new CaseSubmission { IdempotencyKey = data.CaseId, ApplicantId = data.ApplicantId, Application = request, PreferredDelivery = data.Delivery }, result, data.SubmittedAt);
        }
        catch (IncompleteApplicationException ex)
        {
            return PlannedCase.Stays(data, MigrationStatus.CannotMove, $"v{to} asks what the stored application does not answer ({string.Join("; ", ex.Questions)}); the case stays on v{from}");
        }
        catch (InvalidApplicationException ex)
        {
            // The catalogue moved under the stored application (a fact or window it names is gone): this case stays, the run goes on.
            return PlannedCase.Stays(data, MigrationStatus.CannotMove, $"its stored application does not fit the catalogue of v{to} ({ex.Message}); the case stays on v{from}");
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException)
        {
            return PlannedCase.Stays(data, MigrationStatus.CannotMove, $"its stored application cannot be read ({ex.Message}); the case stays on v{from}");
        }

        if (fresh.Denials.Count > 0)
        {
            return PlannedCase.Stays(data, MigrationStatus.CannotMove, $"v{to} would not admit it ({string.Join("; ", fresh.Denials)}); a migration never refuses a case, which stays on v{from}");
        }

        return Accepted(data) ? PlanAccepted(data, result, fresh) : PlanIntake(data, result, fresh);
    }

    /// <summary>Whether the case has been accepted (受理): its steps after intake are running, or done.</summary>
    public static bool Accepted(CaseData data) => data.Stage is not (CaseStage.Submitted or CaseStage.AwaitingSupplement);

    private static string? Blocked(CaseRow row, CaseData data, int to) => data switch
    {
        { Stage: CaseStage.Closed } => "closed",
        _ when data.Terms.Version > to => $"on v{data.Terms.Version}, later than v{to}: a case never moves back",
        { Decision: not null } => $"already decided under v{data.Terms.Version}: a decision stands on the version it was made under",
        { BundleCaseId: { } bundle } => $"a member of bundle case {bundle}: a bundle's members move with their bundle, which migrations do not do yet",
        _ when row.Application is null => "no stored application to precheck again (recorded before applications were kept)",
        _ => null,
    };

    /// <summary>
    /// The application as submitted, with what was handed in since, judged on the day the new version took effect (or
    /// the day it was judged on at submission, if later): a form edition the new version no longer accepts counts, a
    /// document that merely expired while the case waited does not (the office judged it when it was handed in).
    /// </summary>
    private PrecheckRequest Request(CaseRow row, CaseData data, Procedure procedure)
    {
        var submitted = data.JudgedOn ?? calendar.LocalDate(data.SubmittedAt);
        var application = CaseApplication.Read(row.Application!);
        var supplied = new CaseApplication { Documents = data.Supplied }.HeldDocuments();
        return new PrecheckRequest
        {
            ProcedureCode = data.Terms.Code,
            AsOf = procedure.EffectiveFrom > submitted ? procedure.EffectiveFrom : submitted,
            WindowId = data.WindowId,
            Facts = application.Facts.ToDictionary(f => f.Path, f => (object?)f.Typed(), StringComparer.Ordinal),
            Documents = [.. application.HeldDocuments(), .. supplied],
        };
    }

    /// <summary>Not yet accepted: the new version's materials, evidence and limits replace the old ones.</summary>
    private PlannedCase PlanIntake(CaseData data, PrecheckResult result, CaseData fresh)
    {
        var changes = new List<MigrationChange>();
        var names = Names(data, fresh);
        var before = data.Gaps.Select(g => g.MaterialId).ToHashSet(StringComparer.Ordinal);
        var after = fresh.Gaps.Select(g => g.MaterialId).ToHashSet(StringComparer.Ordinal);
        foreach (var gap in fresh.Gaps.Where(g => !before.Contains(g.MaterialId)))
        {
            changes.Add(gap.Status == CatalogWords.Of(MaterialStatus.Outdated)
                ? new(MigrationChangeKind.EditionOutdated, gap.MaterialId, $"{names(gap.MaterialId)}: the edition held is no longer accepted and cannot be converted; edition {gap.CurrentEdition} is asked for in the notice")
                : new(MigrationChangeKind.MaterialRequired, gap.MaterialId, $"{names(gap.MaterialId)} is newly required; asked for in the notice"));
        }

        foreach (var gap in data.Gaps.Where(g => !after.Contains(g.MaterialId)))
        {
            changes.Add(new(MigrationChangeKind.MaterialNoLongerRequired, gap.MaterialId, $"{names(gap.MaterialId)} is no longer required; the notice no longer asks for it"));
        }

        changes.AddRange(Converted(result, names));
        changes.AddRange(Fetching(data, fresh, names));
        changes.AddRange(Authority(data, fresh));
        changes.AddRange(IntakeLimits(data.Terms, fresh.Terms));
        var target = new MigrationTarget(fresh, fresh.Terms, Accepted: false, [.. fresh.Gaps.Where(g => !before.Contains(g.MaterialId)).Select(g => g.MaterialId)], [], []);
        return new PlannedCase(Planned(data, changes), target);
    }

    /// <summary>Accepted: moves only if nothing more is asked and its running steps have a place in the new workflow.</summary>
    private PlannedCase PlanAccepted(CaseData data, PrecheckResult result, CaseData fresh)
    {
        var (from, to) = (data.Terms.Version, fresh.Terms.Version);
        var names = Names(data, fresh);
        if (fresh.Gaps.Count > 0)
        {
            var more = string.Join(", ", fresh.Gaps.Select(g => names(g.MaterialId) + (g.Status == CatalogWords.Of(MaterialStatus.Outdated) ? $" (edition {g.CurrentEdition})" : "")));
            return PlannedCase.Stays(data, MigrationStatus.CannotMove, $"accepted under v{from}, and v{to} requires more: {more}; a new requirement is not applied to an accepted application (从旧兼从轻), which stays on v{from}");
        }

        if (data.Terms.HasParallelBranches() != fresh.Terms.HasParallelBranches())
        {
            return PlannedCase.Stays(data, MigrationStatus.CannotMove, $"accepted under v{from}, whose steps {(data.Terms.HasParallelBranches() ? "fetch documents or wait for gaps in parallel" : "run one after another")} and v{to}'s do not: its running steps have no place in the new workflow");
        }

        var required = result.Materials.Where(m => m.Status != MaterialStatus.NotRequired).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var changes = new List<MigrationChange>();
        var droppedEvidence = data.Evidence.Where(e => !required.Contains(e.MaterialId) && OpenEvidence(e.State)).Select(e => e.MaterialId).ToList();
        var droppedOwed = data.Owed.Where(o => !required.Contains(o.MaterialId) && o.State == OwedStates.Owed).Select(o => o.MaterialId).ToList();
        foreach (var id in droppedEvidence.Concat(droppedOwed))
        {
            changes.Add(new(MigrationChangeKind.MaterialNoLongerRequired, id, $"{names(id)} is no longer required; the case stops waiting for it"));
        }

        changes.AddRange(Converted(result, names));
        changes.AddRange(Authority(data, fresh));
        var (terms, limits) = RunningLimits(data, fresh.Terms);
        changes.AddRange(limits);
        return new PlannedCase(Planned(data, changes), new MigrationTarget(fresh, terms, Accepted: true, [], droppedEvidence, droppedOwed));
    }

    private static CaseMigration Planned(CaseData data, List<MigrationChange> changes) =>
        new(data.CaseId, data.Terms.Version, data.Stage, MigrationStatus.WillMove, null, changes);

    /// <summary>Waits still open for a document: requested, awaited from a department, or asked of the applicant (or not yet sent).</summary>
    public static bool OpenEvidence(string state) => state is EvidenceStates.Pending or EvidenceStates.Requested or EvidenceStates.Waiting or EvidenceStates.AwaitingApplicant;

    private static Func<string, string> Names(CaseData data, CaseData fresh) =>
        id => fresh.Terms.DocumentNames.GetValueOrDefault(id) ?? data.DocumentName(id);

    private static IEnumerable<MigrationChange> Converted(PrecheckResult result, Func<string, string> names) =>
        result.Materials
            .Where(m => m.Status == MaterialStatus.Converted)
            .Select(m => new MigrationChange(MigrationChangeKind.EditionConverted, m.Id, $"{names(m.Id)}: the edition held ({m.Held?.FormVersion}) is converted to edition {m.CurrentVersion?.Version} (converts_from); nothing to bring"));

    private static IEnumerable<MigrationChange> Fetching(CaseData data, CaseData fresh, Func<string, string> names)
    {
        var before = data.Evidence.ToDictionary(e => e.MaterialId, StringComparer.Ordinal);
        var after = fresh.Evidence.ToDictionary(e => e.MaterialId, StringComparer.Ordinal);
        foreach (var (id, evidence) in after.Where(a => !before.ContainsKey(a.Key)))
        {
            yield return new(MigrationChangeKind.Fetching, id, $"{names(id)} is now fetched from {evidence.DepartmentId} after acceptance");
        }

        foreach (var (id, evidence) in before.Where(b => !after.ContainsKey(b.Key)))
        {
            yield return new(MigrationChangeKind.Fetching, id, $"{names(id)} is no longer fetched from {evidence.DepartmentId}");
        }
    }

    private static IEnumerable<MigrationChange> Authority(CaseData data, CaseData fresh)
    {
        if (fresh.AuthorityId != data.AuthorityId)
        {
            yield return new(MigrationChangeKind.Forwarded, "authority", $"competent authority {data.AuthorityId} → {fresh.AuthorityId}: the case is forwarded");
        }
    }

    /// <summary>Not accepted yet: no time has run, so the new limits apply from acceptance.</summary>
    private static IEnumerable<MigrationChange> IntakeLimits(CaseTerms old, CaseTerms next)
    {
        foreach (var (limit, before, after) in Limits(old, next))
        {
            yield return new(MigrationChangeKind.TimeLimit, limit, $"{limit} limit {Words(before)} → {Words(after)}; no time has run yet (not accepted), so it applies from acceptance");
        }
    }

    /// <summary>
    /// Accepted: the clock keeps running from acceptance, with its pauses, and time already spent counts against the new
    /// limit. A shorter limit applies (its due date may be today or past, which escalates at once); a longer one, or none,
    /// never extends a running case, which keeps the earlier due date.
    /// </summary>
    private (CaseTerms Terms, List<MigrationChange> Changes) RunningLimits(CaseData data, CaseTerms next)
    {
        var terms = Copy(next);
        var changes = new List<MigrationChange>();
        foreach (var (limit, before, after) in Limits(data.Terms, next))
        {
            var oldDue = before is { } b ? calendar.Due(data.Clock, b.Days, b.Working) : null;
            var newDue = after is { } a ? calendar.Due(data.Clock, a.Days, a.Working) : null;
            var keep = before is not null && (after is null || (oldDue is { } o && newDue is { } n && n > o));
            var kept = keep ? before : after;
            Set(terms, limit, kept);
            var due = (keep ? oldDue : newDue) is { } at ? $", due by the end of {calendar.LastDay(at):yyyy-MM-dd}" : "";
            changes.Add(keep
                ? new(MigrationChangeKind.TimeLimit, limit, $"{limit} limit {Words(before)} → {Words(after)} in v{next.Version}; the case keeps {Words(before)}{due}: a running limit is never lengthened")
                : new(MigrationChangeKind.TimeLimit, limit, $"{limit} limit {Words(before)} → {Words(after)}, counted from acceptance with the time already spent{due}"));
        }

        return (terms, changes);
    }

    private static IEnumerable<(string Limit, (int Days, bool Working)? Before, (int Days, bool Working)? After)> Limits(CaseTerms old, CaseTerms next)
    {
        (int, bool)? Of(int? days, bool working) => days is { } d ? (d, working) : null;
        var statutory = (Of(old.StatutoryDays, old.StatutoryWorkingDays), Of(next.StatutoryDays, next.StatutoryWorkingDays));
        if (statutory.Item1 != statutory.Item2)
        {
            yield return ("statutory", statutory.Item1, statutory.Item2);
        }

        var promised = (Of(old.PromisedDays, old.PromisedWorkingDays), Of(next.PromisedDays, next.PromisedWorkingDays));
        if (promised.Item1 != promised.Item2)
        {
            yield return ("promised", promised.Item1, promised.Item2);
        }
    }

    private static void Set(CaseTerms terms, string limit, (int Days, bool Working)? value)
    {
        if (limit == "statutory")
        {
            (terms.StatutoryDays, terms.StatutoryWorkingDays) = (value?.Days, value?.Working ?? true);
        }
        else
        {
            (terms.PromisedDays, terms.PromisedWorkingDays) = (value?.Days, value?.Working ?? true);
        }
    }

    private static string Words((int Days, bool Working)? limit) =>
        limit is { } l ? string.Create(CultureInfo.InvariantCulture, $"{l.Days} {(l.Working ? "working " : "")}days") : "none";

    /// <summary>The case's own copy of the terms: a kept limit must not change the version's shared terms.</summary>
    private static CaseTerms Copy(CaseTerms terms) =>
        System.Text.Json.JsonSerializer.Deserialize(System.Text.Json.JsonSerializer.Serialize(terms, CaseJson.Default.CaseTerms), CaseJson.Default.CaseTerms)!;
}

/// <summary>A case's plan, and what to write when it moves (null when it stays).</summary>
internal sealed record PlannedCase(CaseMigration Plan, MigrationTarget? Target)
{
    public static PlannedCase Stays(CaseData data, MigrationStatus status, string? reason) =>
        new(new CaseMigration(data.CaseId, data.Terms.Version, data.Stage, status, reason, []), null);
}

/// <summary>
/// What a move writes: the case as the new version would have made it (<paramref name="Fresh"/>), the terms the case
/// runs on (<paramref name="Terms"/>, with any limit it keeps), and the materials newly asked for, and the waits to end.
/// </summary>
internal sealed record MigrationTarget(CaseData Fresh, CaseTerms Terms, bool Accepted, List<string> NewGaps, List<string> DroppedEvidence, List<string> DroppedOwed);
