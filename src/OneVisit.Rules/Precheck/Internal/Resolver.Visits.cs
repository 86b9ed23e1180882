using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck.Internal;

internal sealed partial class Resolver
{
    // The visits come from the one planner the service guide uses too; this adds what the rules decided and asks
    // the questions behind every trip that is counted only to be safe.
    private VisitPrediction Visits(ProcedureRules rules, PrecheckApplication app, IReadOnlyList<MaterialResult> materials, QuestionCollector questions)
    {
        var steps = new StepTruth[rules.Procedure.Presence.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = new StepTruth(app.TruthOf(rules.Presence[i]), app.TruthOf(rules.Remote[i]));
        }

        var onPaper = materials.Any(m => MaterialClasses.NeedsPaperOriginal(m.Material, m.Status, m.Held));
        return VisitPlanner.Plan(rules.Visits, steps, onPaper, atWindow: app.Window is not null, app.Window, (i, step) =>
        {
            if (step.Remote == Truth.Unknown)
            {
                questions.Undecided(rules, rules.Remote[i], QuestionCollector.PresenceWeight);
            }

            if (step.Needed == Truth.Unknown)
            {
                questions.Undecided(rules, rules.Presence[i], QuestionCollector.PresenceWeight);
            }
        });
    }
}
