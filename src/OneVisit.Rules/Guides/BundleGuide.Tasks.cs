using OneVisit.Rules.Catalog;
using OneVisit.Rules.Catalog.Internal;
using OneVisit.Rules.Guides.Internal;

namespace OneVisit.Rules.Guides;

/// <summary>The task list: each member in the order it can be done, with what it needs and what it waits for.</summary>
public static partial class BundleGuide
{
    private static GuideSection Tasks(ProcedureCatalog catalog, Bundle bundle, CatalogText text, BundleGuideLabels words)
    {
        var blocks = new List<GuideBlock> { new GuideParagraph(words.TasksIntro) };
        var number = 0;
        foreach (var member in bundle.InDependencyOrder())
        {
            if (!catalog.Procedures.TryGetValue(member.ProcedureCode, out var procedure))
            {
                continue;
            }

            blocks.Add(new GuideParagraph(words.Task(++number, text.Of(procedure.Name), procedure.Code)));
            blocks.Add(new GuideList(TaskFacts(catalog, bundle, member, procedure, text, words)));
            blocks.Add(TaskMaterials(catalog, bundle, procedure, text, words));
        }

        return new GuideSection(words.TasksHeading, blocks);
    }

    // Department, whether it applies, and whether it can start with the others or waits for another member's result.
    private static List<string> TaskFacts(ProcedureCatalog catalog, Bundle bundle, BundleMember member, Procedure procedure, CatalogText text, BundleGuideLabels words)
    {
        var labels = text.Labels;
        var main = text.Authority(procedure.Jurisdiction.DefaultAuthorityId);
        var others = procedure.Jurisdiction.Rules.Select(r => r.AuthorityId).Where(a => a != procedure.Jurisdiction.DefaultAuthorityId).Distinct(StringComparer.Ordinal).Select(text.Authority).ToList();
        var inclusion = new List<string>();
        if (member.When is not null)
        {
            inclusion.Add(words.OnlyWhen(text.When(member.When, labels.Always)));
        }

        inclusion.Add(member.Optional ? words.Optional : member.When is null ? words.Required : "");
        inclusion.RemoveAll(i => i.Length == 0);

        var facts = new List<string>
        {
            words.Department + labels.Colon + (others.Count == 0 ? main : words.OrBySituation(main, string.Join(labels.ListSeparator, others))),
            words.Inclusion + labels.Colon + string.Join(labels.Separator, inclusion),
        };
        var waits = bundle.FlowsInto(procedure.Code).Where(f => f.FromProcedure != procedure.Code).ToList();
        facts.AddRange(waits.Count == 0
            ? [words.CanStart]
            : waits.Select(f => words.CannotStartYet + labels.Colon + words.Needs(MemberName(catalog, f.FromProcedure, text), text.Document(f.DocumentId)) + labels.Separator + words.Travels(f.Via)));
        return facts;
    }

    // The member's own materials as in its guide, except that what another member passes on says so.
    private static GuideTable TaskMaterials(ProcedureCatalog catalog, Bundle bundle, Procedure procedure, CatalogText text, BundleGuideLabels words)
    {
        var labels = text.Labels;
        var rows = procedure.Materials.Select(m =>
        {
            var fed = bundle.FlowsInto(procedure.Code).FirstOrDefault(f => f.ToMaterial == m.Id);
            var name = m.Party is { } party && catalog.Parties.TryGetValue(party, out var p) ? $"{text.Document(m.DocumentId)}（{text.Of(p.Name)}）" : text.Document(m.DocumentId);
            var instead = fed is not null
                ? fed.PassedOn ? words.PassedOnBy(Issuer(catalog, fed, text), MemberName(catalog, fed.FromProcedure, text)) : words.CarriedFrom(MemberName(catalog, fed.FromProcedure, text))
                : catalog.Documents.TryGetValue(m.DocumentId, out var document) && OfficeDocuments.IsGenerated(document) ? words.PreparedByOffice
                : m.Exemptions.Count == 0 ? labels.None : string.Join(labels.Separator, m.Exemptions.Select(e => ServiceGuide.Exemption(e, m, text)));
            return (IReadOnlyList<string>)[name, labels.FormAndCopies(labels.Of(m.Form), m.Copies), text.When(m.RequiredWhen, labels.AlwaysNeeded), instead];
        }).ToList();
        return new GuideTable([labels.Material, labels.Form, labels.NeededWhen, labels.InsteadOfHandingIn], rows);
    }

    // The department that issues a passed-on result: the producing member's competent authority when nothing else decides.
    private static string Issuer(ProcedureCatalog catalog, BundleFlow flow, CatalogText text) =>
        catalog.Procedures.TryGetValue(flow.FromProcedure, out var producer) ? text.Authority(producer.Jurisdiction.DefaultAuthorityId) : flow.FromProcedure;
}
