using System.Collections.Frozen;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>
/// Composes the answer from what the rules recorded: eligibility, routing, each material's status, visits, open
/// questions, fees and the one deficiency notice. Runs after <c>Fire</c>, in plain C#, per the lean rule shape.
/// </summary>
internal sealed partial class Resolver
{
    private readonly ProcedureCatalog _catalog;
    private readonly WorkingCalendar _calendar;
    private readonly FrozenDictionary<string, Authority> _windowOwners;

    public Resolver(ProcedureCatalog catalog, WorkingCalendar calendar)
    {
        _catalog = catalog;
        _calendar = calendar;
        _windowOwners = catalog.Authorities.Values
            .SelectMany(a => a.Windows.Select(w => (w.Id, Authority: a)))
            .ToFrozenDictionary(x => x.Id, x => x.Authority, StringComparer.Ordinal);
    }

    public PrecheckResult Resolve(ProcedureRules rules, PrecheckApplication app)
    {
        var questions = new QuestionCollector(app.Facts, _catalog.Facts);
        var eligibility = Eligibility(rules, app, questions);
        var routing = Route(rules, app, questions);
        var materials = Materials(rules, app, routing.Authority, questions);
        var visits = Visits(rules, app, materials, questions);
        var fees = Fees(rules, app, questions);

        var verdict = Decide(rules, eligibility, materials, visits, out var obstacles);
        List<MaterialResult> gaps = verdict == Verdict.NotEligible ? [] : [.. materials.Where(m => m.IsGap)];
        return new PrecheckResult
        {
            Procedure = rules.Procedure,
            AsOf = app.AsOf,
            Verdict = verdict,
            Obstacles = obstacles,
            Eligibility = eligibility,
            Routing = routing,
            Materials = materials,
            Visits = visits,
            OpenQuestions = questions.Ranked(),
            Notice = gaps.Count == 0 ? null : new DeficiencyNotice(
                rules.Procedure.Code,
                rules.Procedure.Name,
                app.AsOf,
                _calendar.AddWorkingDays(app.AsOf, DeficiencyNotice.NotifyWithinWorkingDays),
                gaps),
            Fees = fees,
            FiredRules = app.Fired,
        };
    }

    // A refusal is final: it is stated with its basis, and the applicant is not told to supply what would not help.
    // Anything that can still be supplied or answered is "not yet"; only then does the visit count decide.
    private static Verdict Decide(ProcedureRules rules, EligibilityResult eligibility, IReadOnlyList<MaterialResult> materials, VisitPrediction visits, out List<LocalizedText> obstacles)
    {
        obstacles = [];
        if (eligibility.Eligible == Truth.False)
        {
            obstacles.AddRange(eligibility.Denials.Where(d => d.Denies == Truth.True).Select(d => d.Statement));
            return Verdict.NotEligible;
        }

        if (eligibility.Eligible == Truth.Unknown)
        {
            obstacles.Add(new("是否符合条件取决于尚未回答的问题", "Eligibility depends on questions not yet answered"));
        }

        for (var i = 0; i < materials.Count; i++)
        {
            if (materials[i].Status is MaterialStatus.Missing or MaterialStatus.Outdated or MaterialStatus.Undecided)
            {
                obstacles.Add(rules.MaterialTemplates[i].Obstacle(materials[i]));
            }
        }

        return obstacles.Count > 0 ? Verdict.NotYet : visits.Count switch
        {
            0 => Verdict.Online,
            1 => Verdict.OneVisit,
            _ => Verdict.MultipleVisits,
        };
    }

    private static EligibilityResult Eligibility(ProcedureRules rules, PrecheckApplication app, QuestionCollector questions)
    {
        var denials = new List<Denial>();
        AcceptanceDenials(rules, app, questions, denials);
        EligibilityDenials(rules, app, questions, denials);
        denials.AddRange(app.CustomDenials);
        var eligible = denials.Any(d => d.Denies == Truth.True) ? Truth.False
            : denials.Count > 0 ? Truth.Unknown
            : Truth.True;
        return new EligibilityResult(eligible, denials);
    }

    // An acceptance condition states what must hold, so one that does not (or may not) hold denies.
    private static void AcceptanceDenials(ProcedureRules rules, PrecheckApplication app, QuestionCollector questions, List<Denial> denials)
    {
        var procedure = rules.Procedure;
        for (var i = 0; i < procedure.Conditions.Count; i++)
        {
            var slot = rules.Acceptance[i];
            if (slot == RuleDescriptor.Never)
            {
                continue;
            }

            var holds = app.TruthOf(slot);
            if (holds == Truth.True)
            {
                continue;
            }

            denials.Add(rules.Reasons.Acceptance[i]!.For(holds == Truth.False ? Truth.True : Truth.Unknown));
            if (holds == Truth.Unknown)
            {
                questions.Undecided(rules, slot, QuestionCollector.EligibilityWeight);
            }
        }
    }

    // An eligibility rule states what denies, so one that holds (or may hold) denies.
    private static void EligibilityDenials(ProcedureRules rules, PrecheckApplication app, QuestionCollector questions, List<Denial> denials)
    {
        var procedure = rules.Procedure;
        for (var i = 0; i < procedure.Eligibility.Count; i++)
        {
            var slot = rules.Eligibility[i];
            var denies = app.TruthOf(slot);
            if (denies == Truth.False)
            {
                continue;
            }

            denials.Add(rules.Reasons.Eligibility[i].For(denies));
            if (denies == Truth.Unknown)
            {
                questions.Undecided(rules, slot, QuestionCollector.EligibilityWeight);
            }
        }
    }

    private RoutingResult Route(ProcedureRules rules, PrecheckApplication app, QuestionCollector questions)
    {
        var jurisdiction = rules.Procedure.Jurisdiction;
        var decided = true;
        Authority? authority = null;
        Reason? why = null;
        for (var i = 0; i < jurisdiction.Rules.Count && authority is null; i++)
        {
            var slot = rules.Jurisdiction[i];
            switch (app.TruthOf(slot))
            {
                case Truth.True:
                    authority = _catalog.Authorities[jurisdiction.Rules[i].AuthorityId];
                    why = rules.Reasons.Jurisdiction[i];
                    break;
                case Truth.Unknown:
                    decided = false;
                    questions.Undecided(rules, slot, QuestionCollector.JurisdictionWeight);
                    break;
            }
        }

        if (authority is null)
        {
            why = rules.DefaultRoute;
            authority = _catalog.Authorities[jurisdiction.DefaultAuthorityId];
        }

        return new RoutingResult(authority, decided, why!, app.Window, ForwardedTo(rules, app, authority));
    }

    // A window that does not take the procedure, or belongs to another office, passes the case on to the deciding one.
    private Authority? ForwardedTo(ProcedureRules rules, PrecheckApplication app, Authority authority) =>
        app.Window is { } window
        && (!window.Accepts(rules.Procedure.Code) || _windowOwners[window.Id].Id != authority.Id)
            ? authority
            : null;

    private static IReadOnlyList<FeeDue> Fees(ProcedureRules rules, PrecheckApplication app, QuestionCollector questions)
    {
        var fees = new List<FeeDue>();
        for (var i = 0; i < rules.Procedure.Fees.Count; i++)
        {
            var applies = app.TruthOf(rules.Fees[i]);
            if (applies == Truth.False)
            {
                continue;
            }

            fees.Add(new FeeDue(rules.Procedure.Fees[i], applies));
            if (applies == Truth.Unknown)
            {
                questions.Undecided(rules, rules.Fees[i], QuestionCollector.FeeWeight);
            }
        }

        return fees;
    }

    /// <summary>Why the default authority decides when no jurisdiction rule holds; built when the rule set is compiled.</summary>
    public static Reason DefaultRoute(Procedure procedure, Authority authority) => new(
        RuleNames.JurisdictionDefault(procedure.Code),
        new LocalizedText($"默认由{authority.Name.Text}办理", $"By default, {authority.Name.EnglishOrText} decides"),
        null,
        procedure.Jurisdiction.Location,
        procedure.LegalBasis);

    internal static Reason Why(RuleDescriptor rule, LocalizedText text) =>
        new(rule.Name, text, rule.Condition?.Text, rule.Condition?.Location, rule.Basis);
}
