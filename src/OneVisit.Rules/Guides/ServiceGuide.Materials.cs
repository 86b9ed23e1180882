using OneVisit.Rules.Catalog;
using OneVisit.Rules.Catalog.Internal;
using OneVisit.Rules.Guides.Internal;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Guides;

/// <summary>The materials: what the applicant submits, what the office fetches or prepares itself, what is still needed.</summary>
public static partial class ServiceGuide
{
    // What the applicant submits, in a table; what the office prepares itself is listed apart, since it is
    // neither submitted nor fetched (the precheck gives such a material the status generated).
    private static GuideSection Materials(ProcedureCatalog catalog, Procedure procedure, CatalogText text)
    {
        var labels = text.Labels;
        var generated = procedure.Materials.Where(m => catalog.Documents.TryGetValue(m.DocumentId, out var d) && OfficeDocuments.IsGenerated(d)).ToList();
        var rows = procedure.Materials.Except(generated).Select(m => (IReadOnlyList<string>)
        [
            text.Document(m.DocumentId),
            labels.FormAndCopies(labels.Of(m.Form), m.Copies),
            text.When(m.RequiredWhen, labels.AlwaysNeeded),
            m.Exemptions.Count == 0 ? labels.None : string.Join(labels.Separator, m.Exemptions.Select(e => Exemption(e, m, text))),
        ]).ToList();
        var blocks = new List<GuideBlock>();
        if (rows.Count > 0)
        {
            blocks.Add(new GuideTable([labels.Material, labels.Form, labels.NeededWhen, labels.InsteadOfHandingIn], rows));
        }

        if (generated.Count > 0)
        {
            blocks.Add(new GuideParagraph(labels.PreparedByOffice));
            blocks.Add(new GuideList([.. generated.Select(m => m.RequiredWhen is null ? text.Document(m.DocumentId) : labels.OnlyWhen(text.Document(m.DocumentId), text.When(m.RequiredWhen, labels.Always)))]));
        }

        return new GuideSection(labels.MaterialsHeading, blocks);
    }

    private static GuideSection PersonalMaterials(PrecheckResult personal, CatalogText text)
    {
        var labels = text.Labels;
        var applying = personal.Materials.Where(m => m.Status != MaterialStatus.NotRequired).ToList();
        var rows = applying.Select(m => (IReadOnlyList<string>)[text.Document(m.Document.Id), labels.Of(m.Status), text.Of(m.Note)]).ToList();
        var blocks = new List<GuideBlock> { new GuideTable([labels.Material, labels.Status, labels.ForYou], rows) };
        var fetched = applying.Where(m => m.Class == MaterialClass.FromDepartments).ToList();
        if (fetched.Count > 0)
        {
            blocks.Add(new GuideParagraph(labels.FetchedFromDepartments));
            blocks.Add(new GuideList([.. fetched.Select(m => m.Source is { } source ? labels.FromSource(text.Document(m.Document.Id), text.Authority(source.Id)) : text.Document(m.Document.Id))]));
        }

        var generated = applying.Where(m => m.Class == MaterialClass.Generated).ToList();
        if (generated.Count > 0)
        {
            blocks.Add(new GuideParagraph(labels.PreparedByOffice));
            blocks.Add(new GuideList([.. generated.Select(m => text.Document(m.Document.Id))]));
        }

        var needed = applying.Where(m => m.Class is MaterialClass.ToSupply or MaterialClass.Undecided).ToList();
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

    /// <summary>How a material may be spared, in the guide's words (a bundle's task list uses it too).</summary>
    internal static string Exemption(Exemption exemption, Material material, CatalogText text)
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
}
