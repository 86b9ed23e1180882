using OneVisit.Rules.Catalog;
using OneVisit.Rules.Catalog.Internal;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Guides.Internal;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Guides;

/// <summary>
/// The visits: counted by the same planner as the precheck, so the general guide's "at most" is never below what a
/// precheck of the same procedure says, and the personal guide's count is the precheck's own.
/// </summary>
public static partial class ServiceGuide
{
    private static GuideSection Visits(ProcedureCatalog catalog, Procedure procedure, CatalogText text)
    {
        var labels = text.Labels;
        var worst = VisitPrediction.WorstCase(catalog, procedure);
        var blocks = new List<GuideBlock> { new GuideParagraph(worst.Count == 0 ? labels.NoVisit : labels.AtMostVisits(worst.Count)) };
        if (worst.Reasons.Count > 0)
        {
            blocks.Add(new GuideList([.. worst.Reasons.Select(r => labels.VisitNumber(r.Visit) + labels.Colon + VisitLine(r, procedure, text))]));
        }

        var fewer = Fewer(procedure, worst, text);
        if (fewer.Count > 0)
        {
            blocks.Add(new GuideParagraph(labels.FewerVisits));
            blocks.Add(new GuideList(fewer));
        }

        return new GuideSection(labels.VisitsHeading, blocks);
    }

    private static GuideSection PersonalVisits(PrecheckResult personal, CatalogText text)
    {
        var labels = text.Labels;
        var visits = personal.Visits;
        var blocks = new List<GuideBlock> { new GuideParagraph(visits.Count == 0 ? labels.NoVisit : labels.VisitsNeeded(visits.Count)) };
        if (visits.Reasons.Count > 0)
        {
            blocks.Add(new GuideList([.. visits.Reasons.Select(r => labels.VisitNumber(r.Visit) + labels.Colon + VisitLine(r, personal.Procedure, text)
                + (r.Needed == Truth.Unknown ? labels.Separator + labels.DependsOnOpenQuestion : ""))]));
        }

        return new GuideSection(labels.VisitsHeading, blocks);
    }

    // A catalogue step in its own words (its 'why'); a step the planner implies (handing in, pickup) with its reason.
    private static string VisitLine(VisitReason reason, Procedure procedure, CatalogText text)
    {
        var labels = text.Labels;
        var step = procedure.Presence.FirstOrDefault(s => s.Id == reason.StepId && s.Reason == reason.Reason);
        var why = step is null ? reason.Why.Text : step.Why;
        return labels.Of(reason.Reason) + (why is null ? "" : " — " + text.Of(why));
    }

    // Every way the worst case gets smaller, each as the precheck honours it: a step's condition (an e-ID, …), a
    // remote alternative (face verification, delivery by post), originals verified without paper, applying remotely.
    private static List<string> Fewer(Procedure procedure, VisitPrediction worst, CatalogText text)
    {
        var labels = text.Labels;
        var ways = new List<string>();
        foreach (var reason in worst.Reasons)
        {
            var what = labels.Of(reason.Reason);
            if (reason.StepId == Presence.HandInId && procedure.Channels.Where(Presence.IsRemote).ToList() is { Count: > 0 } remote)
            {
                ways.Add(labels.ApplyRemotely(what, string.Join(labels.Or, remote.Select(labels.Of))));
            }

            if (procedure.Presence.FirstOrDefault(s => s.Id == reason.StepId && s.Reason == reason.Reason) is not { } step)
            {
                continue;
            }

            if (step.When is not null)
            {
                ways.Add(labels.OnlyNeededWhen(what, text.When(step.When, labels.Always)));
            }

            if (step.RemoteAlternative is { } alternative)
            {
                ways.Add(labels.Remotely(what, labels.OnlyWhen(text.Of(alternative.Description), text.When(alternative.When, labels.Always))));
            }

            if (step.Reason == PresenceReason.Originals)
            {
                ways.Add(labels.OriginalsSpared(what));
            }
        }

        // Steps whose remote alternative is always open never count; say what replaces them.
        ways.AddRange(worst.Avoided.Select(a => labels.NoTrip(labels.Of(a.Reason), text.Of(a.Instead.Text))));
        return ways;
    }
}
