using System.Collections.Frozen;
using OneVisit.Rules.Catalog;

namespace OneVisit.Workflows.Actors.Internal;

/// <summary>
/// Who may do what (the table in docs/security.md), decided from the actor and the case alone, so that it is the same
/// for every host and every store. <see cref="Why"/> returns null when allowed, else what would have been needed; the
/// messages never quote a subject's id, since they reach logs.
/// </summary>
internal sealed class CaseAccess(IEnumerable<Authority> authorities, TimeProvider time)
{
    private readonly FrozenDictionary<string, string> _windowAuthority = authorities
        .SelectMany(a => a.Windows.Select(w => (Window: w.Id, Authority: a.Id)))
        .DistinctBy(x => x.Window, StringComparer.Ordinal)
        .ToFrozenDictionary(x => x.Window, x => x.Authority, StringComparer.Ordinal);

    /// <summary>Throws <see cref="AccessDeniedException"/> unless <paramref name="actor"/> may do <paramref name="operation"/> on the case.</summary>
    public void Demand(CaseActor actor, CaseOperation operation, CaseFacts facts, string? departmentId = null)
    {
        if (Why(actor, operation, facts, departmentId) is { } needed)
        {
            throw new AccessDeniedException(facts.CaseId, operation, actor, needed);
        }
    }

    /// <summary>
    /// Null when <paramref name="actor"/> may do <paramref name="operation"/> on the case <paramref name="facts"/>
    /// describe; else what was needed. <paramref name="departmentId"/> is, for <see cref="CaseOperation.AnswerEvidence"/>,
    /// the department the request was addressed to.
    /// </summary>
    public string? Why(CaseActor actor, CaseOperation operation, CaseFacts facts, string? departmentId = null) => operation switch
    {
        CaseOperation.Submit => Submitter(actor, facts),
        CaseOperation.Read or CaseOperation.ReadAudit => First(
            "to be the applicant (or a party), their agent under a mandate, an officer of the case's authority or of the window that took it, or the host's processing",
            Applicants(actor, facts, parties: true), Officers(actor, facts, any: true), SystemMay(actor)),
        CaseOperation.SupplyDocuments => First(
            "to be the applicant, their agent under a mandate, or an intake officer taking the documents at a window",
            Applicants(actor, facts, parties: false), Officers(actor, facts, any: false)),
        CaseOperation.SignCommitment => First("to be the applicant, or their agent under a mandate: a commitment is theirs to sign", Applicants(actor, facts, parties: false)),
        CaseOperation.Consent => actor.Kind == CaseActorKind.Applicant && facts.Parties.Contains(actor.Id, StringComparer.Ordinal)
            ? null : "to be one of the parties the application names, giving consent for themselves",
        CaseOperation.AnswerEvidence => string.IsNullOrEmpty(departmentId)
            ? "a request the case sent to a department; it sent none for this material"
            : actor.Kind == CaseActorKind.Department && actor.Id == departmentId ? null : $"to be the system of {departmentId}, the department the request was addressed to",
        CaseOperation.Decide => actor.Kind == CaseActorKind.Officer && actor.Holds(facts.AuthorityId, OfficerRole.Reviewer)
            ? null : $"a reviewer's post at {facts.AuthorityId}, the case's competent authority",
        CaseOperation.RecordVisit or CaseOperation.ConfirmPickup => First(
            "an intake officer of the case's authority or of the window that took it, or the host's processing (a kiosk): the office records who came",
            Officers(actor, facts, any: false), SystemMay(actor)),
        _ => $"an operation on one case; {operation} is not",
    };

    /// <summary>The authority an intake window belongs to, when the catalogue has it.</summary>
    public string? AuthorityOfWindow(string? windowId) => windowId is not null && _windowAuthority.TryGetValue(windowId, out var authority) ? authority : null;

    /// <summary>Whether an officer may read every line about a subject of an authority's cases, or the host's processing.</summary>
    public static string? SubjectReader(CaseActor actor, string subjectId) => actor.Kind switch
    {
        CaseActorKind.Applicant when actor.Id == subjectId => null,
        CaseActorKind.Officer when actor.Posts.Any(p => p.Role == OfficerRole.Auditor) => null,
        CaseActorKind.System => null,
        _ => "to be that subject, or an auditor",
    };

    /// <summary>Whether the actor may verify the audit chains: an auditor, or the host's processing.</summary>
    public static string? Verifier(CaseActor actor) =>
        actor.Kind == CaseActorKind.System || actor.Posts.Any(p => p.Role == OfficerRole.Auditor) ? null : "an auditor's post";

    /// <summary>
    /// Whether the actor may read past applications as a population: an analyst (the cases of the authorities they
    /// hold an analyst's post at), or the host's processing (all).
    /// </summary>
    public static string? PopulationReader(CaseActor actor) =>
        actor.Kind == CaseActorKind.System || actor.Posts.Any(p => p.Role == OfficerRole.Analyst)
            ? null
            : "an analyst's post (OfficerRole.Analyst) at the authorities whose cases are read, or the host's processing";

    /// <summary>
    /// Whether the actor may migrate cases: the host's processing only. A migration changes many citizens' cases on an
    /// operator's decision, made by a command or a host job, never from an officer's page.
    /// </summary>
    public static string? Migrator(CaseActor actor) =>
        actor.Kind == CaseActorKind.System ? null : "the host's processing (an operator's command or job): migrations change many cases at once";

    private string? Submitter(CaseActor actor, CaseFacts facts) => actor.Kind switch
    {
        CaseActorKind.Applicant or CaseActorKind.Agent => Applicants(actor, facts, parties: false),
        CaseActorKind.Officer => AuthorityOfWindow(facts.WindowId) is { } authority && actor.Holds(authority, OfficerRole.IntakeWindow)
            ? null
            : facts.WindowId is null
                ? "an application handed in at a window, for an intake officer to submit it; this one names no window"
                : $"an intake-window post at {AuthorityOfWindow(facts.WindowId) ?? "the authority"} that window {facts.WindowId} belongs to",
        _ => "to be the applicant, their agent under a mandate, or an intake officer at the window it is handed in at",
    };

    /// <summary>The applicant themselves (and, where <paramref name="parties"/>, a bundle's other parties), or their agent under a mandate in force for this procedure.</summary>
    private string? Applicants(CaseActor actor, CaseFacts facts, bool parties) => actor.Kind switch
    {
        CaseActorKind.Applicant when actor.Id == facts.SubjectId || (parties && facts.Parties.Contains(actor.Id, StringComparer.Ordinal)) => null,
        CaseActorKind.Applicant => "to be the case's applicant",
        CaseActorKind.Agent when actor.Mandate!.PrincipalId != facts.SubjectId => "a mandate from the case's applicant; this one is from someone else",
        CaseActorKind.Agent when !actor.Mandate!.Covers(facts.ProcedureCode, time.GetUtcNow()) => MandateGap(actor.Mandate!, facts.ProcedureCode),
        CaseActorKind.Agent => null,
        _ => "",
    };

    private string? MandateGap(Mandate mandate, string procedureCode)
    {
        var now = time.GetUtcNow();
        return now > mandate.ValidUntil ? $"a mandate in force; this one ended {mandate.ValidUntil.UtcDateTime:yyyy-MM-dd HH:mm}Z"
            : mandate.ValidFrom is { } from && now < from ? $"a mandate in force; this one starts {from.UtcDateTime:yyyy-MM-dd HH:mm}Z"
            : $"a mandate covering {procedureCode}; this one covers {string.Join(", ", mandate.ProcedureCodes)}";
    }

    /// <summary>
    /// An officer of the case's authority (a bundle's lead or a member's; with <paramref name="any"/> in any role, else
    /// at its intake window), or an intake officer of the authority whose window took the application.
    /// </summary>
    private string? Officers(CaseActor actor, CaseFacts facts, bool any)
    {
        if (actor.Kind != CaseActorKind.Officer)
        {
            return "";
        }

        var window = AuthorityOfWindow(facts.WindowId);
        var allowed = window is not null && actor.Holds(window, OfficerRole.IntakeWindow)
            || (any ? actor.ReadsCasesAt(facts.AuthorityId) || facts.MemberAuthorities.Any(actor.ReadsCasesAt) : actor.Holds(facts.AuthorityId, OfficerRole.IntakeWindow));
        if (allowed)
        {
            return null;
        }

        var where = window is null || window == facts.AuthorityId ? facts.AuthorityId : $"{facts.AuthorityId} (competent) or an intake-window post at {window} (whose window took it)";
        return any ? $"a post at {where}" : $"an intake-window post at {where}";
    }

    private static string? SystemMay(CaseActor actor) => actor.Kind == CaseActorKind.System ? null : "";

    /// <summary>
    /// Null when one of the rules allows; else the need of the rule for the actor's kind, or <paramref name="who"/> when
    /// no rule is for that kind (each rule answers "" for an actor not of its kind).
    /// </summary>
    private static string? First(string who, params ReadOnlySpan<string?> rules)
    {
        string? need = null;
        foreach (var rule in rules)
        {
            if (rule is null)
            {
                return null;
            }

            need ??= rule.Length > 0 ? rule : null;
        }

        return need ?? who;
    }
}
