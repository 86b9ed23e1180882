using OneVisit.Rules.Catalog;
using OneVisit.Rules.Guides.Internal;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Guides;

/// <summary>The sections that depend most on the applicant: materials and visits.</summary>
public static partial class ServiceGuide
{
    private static GuideSection Materials(Procedure procedure, CatalogText text)
    {
        var labels = text.Labels;
        var rows = procedure.Materials.Select(m => (IReadOnlyList<string>)
        [
            text.Document(m.DocumentId),
            labels.FormAndCopies(labels.Of(m.Form), m.Copies),
            text.When(m.RequiredWhen, labels.AlwaysNeeded),
            m.Exemptions.Count == 0 ? labels.None : string.Join(labels.Separator, m.Exemptions.Select(e => Exemption(e, m, text))),
        ]).ToList();
        return new GuideSection(labels.MaterialsHeading, [new GuideTable([labels.Material, labels.Form, labels.NeededWhen, labels.InsteadOfHandingIn], rows)]);
    }

    private static GuideSection PersonalMaterials(PrecheckResult personal, CatalogText text)
    {
        var labels = text.Labels;
        var applying = personal.Materials.Where(m => m.Status != MaterialStatus.NotRequired).ToList();
        var rows = applying.Select(m => (IReadOnlyList<string>)[text.Document(m.Document.Id), labels.Of(m.Status), text.Of(m.Note)]).ToList();
        var blocks = new List<GuideBlock> { new GuideTable([labels.Material, labels.Status, labels.ForYou], rows) };
        var fetched = applying.Where(m => m.Status is MaterialStatus.Fetched or MaterialStatus.ELicence or MaterialStatus.Generated).ToList();
        if (fetched.Count > 0)
        {
            blocks.Add(new GuideParagraph(labels.ObtainedByGovernment));
            blocks.Add(new GuideList([.. fetched.Select(m => m.Source is { } source ? labels.FromSource(text.Document(m.Document.Id), text.Authority(source.Id)) : text.Document(m.Document.Id))]));
        }

        var needed = applying.Where(m => m.IsGap || m.Status == MaterialStatus.Undecided).ToList();
        blocks.Add(needed.Count == 0
            ? new GuideParagraph(labels.NothingNeeded)
            : new GuideParagraph(labels.StillNeeded + string.Join(labels.ListSeparator, needed.Select(m => text.Document(m.Document.Id)))));
        if (personal.OpenQuestions.Count > 0)
        {
            blocks.Add(new GuideParagraph(labels.OpenQuestions));
            blocks.Add(new GuideList([.. personal.OpenQuestions.Select(q => text.Of(q.Question))]));
        }

        return new GuideSection(labels.YourMaterialsHeading, blocks);
    }

    private static string Exemption(Exemption exemption, Material material, CatalogText text)
    {
        var labels = text.Labels;
        var what = exemption.Kind switch
        {
            ExemptionKind.DataSharing => labels.FetchedFrom(text.Sources(material.DocumentId)),
            ExemptionKind.ELicence => labels.ELicence,
            ExemptionKind.Commitment => labels.Commitment(exemption.VerifyWithinDays),
            _ => labels.AcceptWithGap(exemption.DeadlineWorkingDays ?? 0),
        };
        return exemption.When is null ? what : labels.OnlyWhen(what, text.When(exemption.When, labels.Always));
    }

    private static GuideSection Visits(Procedure procedure, PrecheckResult? personal, CatalogText text)
    {
        var labels = text.Labels;
        var blocks = new List<GuideBlock>();
        if (personal is not null)
        {
            blocks.Add(new GuideParagraph(personal.Visits.Count == 0 ? labels.NoVisit : labels.VisitsNeeded(personal.Visits.Count)));
            if (personal.Visits.Reasons.Count > 0)
            {
                blocks.Add(new GuideList([.. personal.Visits.Reasons.Select(r => $"{labels.VisitNumber(r.Visit)}{labels.Colon}{labels.Of(r.Reason)} — {text.Of(r.Why.Text)}")]));
            }
        }
        else if (procedure.Presence.Count == 0)
        {
            blocks.Add(new GuideParagraph(labels.NoPresenceStep));
        }
        else
        {
            blocks.Add(new GuideList([.. procedure.Presence.Select(p => PresenceStep(p, text))]));
        }

        return new GuideSection(labels.VisitsHeading, blocks);
    }

    private static string PresenceStep(PresenceStep step, CatalogText text)
    {
        var labels = text.Labels;
        var what = labels.Of(step.Reason) + (step.Why is null ? "" : labels.Colon + text.Of(step.Why));
        if (step.When is not null)
        {
            what = labels.OnlyWhen(what, text.When(step.When, labels.Always));
        }

        if (step.RemoteAlternative is not { } remote)
        {
            return what;
        }

        // The remote way often has its own condition (a digital certificate, a smartphone): without it the promise misleads.
        var instead = text.Of(remote.Description);
        return what + labels.OrRemotely + (remote.When is null ? instead : labels.OnlyWhen(instead, text.When(remote.When, labels.Always)));
    }
}
