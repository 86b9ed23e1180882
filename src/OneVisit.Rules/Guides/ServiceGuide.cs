using System.Globalization;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Guides;

/// <summary>
/// Builds a procedure's service guide (办事指南) from the same catalogue the rules come from: authority and
/// level, legal basis, conditions, materials by situation with their exemptions, time limits, fees, channels,
/// result delivery and visits. Given a precheck, it is personalised: only the materials that apply, what the
/// government fetches itself, and what is still needed.
/// </summary>
public static class ServiceGuide
{
    /// <summary>The general guide of <paramref name="procedure"/>, or one applicant's when <paramref name="personal"/> is given.</summary>
    /// <param name="catalog">The catalogue holding the procedure.</param>
    /// <param name="procedure">The procedure.</param>
    /// <param name="personal">A precheck of the same procedure for one applicant, or null.</param>
    /// <param name="english">Names and notes in English where the catalogue has them.</param>
    public static GuideDocument Build(ProcedureCatalog catalog, Procedure procedure, PrecheckResult? personal = null, bool english = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(procedure);
        if (personal is not null && personal.Procedure.Code != procedure.Code)
        {
            throw new ArgumentException($"The precheck is of {personal.Procedure.Code}, not of {procedure.Code}.", nameof(personal));
        }

        var text = new Words(catalog, english);
        var sections = new List<GuideSection>
        {
            Basics(procedure, personal, text),
            new("设定依据 · Legal basis", [new GuideList([.. procedure.LegalBasis.Select(b => b.ToString())])]),
            Conditions(procedure, text),
            personal is null ? Materials(procedure, text) : PersonalMaterials(personal, text),
            Visits(procedure, personal, text),
            TimeLimits(procedure),
            Fees(procedure, personal, text),
            new("办理渠道与结果送达 · Channels and delivery of the result",
            [
                new GuideParagraph("Apply: " + string.Join(", ", procedure.Channels.Select(c => CatalogWords.Of(c)))),
                new GuideParagraph("Result: " + string.Join(", ", procedure.ResultDelivery.Select(d => d == ResultDelivery.Pickup ? "pickup at the office (a visit)" : CatalogWords.Of(d)))),
            ]),
        };

        var subtitle = string.Create(CultureInfo.InvariantCulture, $"{procedure.Code} · version {procedure.Version} · in force from {procedure.EffectiveFrom:yyyy-MM-dd}");
        return new GuideDocument(text.Of(procedure.Name), subtitle, personal is not null, sections);
    }

    private static GuideSection Basics(Procedure procedure, PrecheckResult? personal, Words text)
    {
        var blocks = new List<GuideBlock>();
        if (personal is not null)
        {
            var routing = personal.Routing;
            var decided = routing.Decided ? "" : " (not settled yet: answer the open questions)";
            blocks.Add(new GuideParagraph($"Competent authority for you: {text.Authority(routing.Authority.Id)} ({CatalogWords.Of(routing.Level)}){decided}"));
            if (routing.ForwardedTo is not null)
            {
                blocks.Add(new GuideParagraph("The window you chose forwards the case to it: you are not sent elsewhere."));
            }
        }
        else
        {
            var rows = procedure.Jurisdiction.Rules
                .Select(r => (IReadOnlyList<string>)[r.When.Text, text.Authority(r.AuthorityId), r.Because is null ? "" : text.Of(r.Because)])
                .Append([procedure.Jurisdiction.Rules.Count == 0 ? "always" : "otherwise", text.Authority(procedure.Jurisdiction.DefaultAuthorityId), ""])
                .ToList();
            blocks.Add(new GuideTable(["When", "Competent authority", "Why"], rows));
        }

        return new GuideSection("事项信息 · The procedure", blocks);
    }

    private static GuideSection Conditions(Procedure procedure, Words text)
    {
        var blocks = new List<GuideBlock>();
        if (procedure.Conditions.Count > 0)
        {
            blocks.Add(new GuideList([.. procedure.Conditions.Select(c => text.Of(c.Text))]));
        }

        if (procedure.Eligibility.Count > 0)
        {
            blocks.Add(new GuideParagraph("Not accepted (不予受理) when:"));
            blocks.Add(new GuideList([.. procedure.Eligibility.Select(e => $"{text.Of(e.Message)} — {string.Join("; ", e.Basis.Select(b => b.ToString()))}")]));
        }

        if (blocks.Count == 0)
        {
            blocks.Add(new GuideParagraph("No conditions beyond the materials."));
        }

        return new GuideSection("受理条件 · Conditions", blocks);
    }

    private static GuideSection Materials(Procedure procedure, Words text)
    {
        var rows = procedure.Materials.Select(m => (IReadOnlyList<string>)
        [
            text.Document(m.DocumentId),
            $"{CatalogWords.Of(m.Form)} × {m.Copies}",
            m.RequiredWhen?.Text ?? "always",
            m.Exemptions.Count == 0 ? "—" : string.Join("; ", m.Exemptions.Select(e => Exemption(e, m, text))),
        ]).ToList();
        return new GuideSection("申请材料 · Materials", [new GuideTable(["Material", "Form", "Needed when", "Instead of handing it in"], rows)]);
    }

    private static GuideSection PersonalMaterials(PrecheckResult personal, Words text)
    {
        var applying = personal.Materials.Where(m => m.Status != MaterialStatus.NotRequired).ToList();
        var rows = applying.Select(m => (IReadOnlyList<string>)[text.Document(m.Document.Id), CatalogWords.Of(m.Status), text.Of(m.Note)]).ToList();
        var blocks = new List<GuideBlock> { new GuideTable(["Material", "Status", "What it means for you"], rows) };
        var fetched = applying.Where(m => m.Status is MaterialStatus.Fetched or MaterialStatus.ELicence or MaterialStatus.Generated).ToList();
        if (fetched.Count > 0)
        {
            blocks.Add(new GuideParagraph("The government obtains these itself:"));
            blocks.Add(new GuideList([.. fetched.Select(m => $"{text.Document(m.Document.Id)}" + (m.Source is { } source ? $" — from {text.Authority(source.Id)}" : ""))]));
        }

        var needed = applying.Where(m => m.IsGap || m.Status == MaterialStatus.Undecided).ToList();
        blocks.Add(needed.Count == 0
            ? new GuideParagraph("Nothing is still needed from you.")
            : new GuideParagraph("Still needed from you: " + string.Join(", ", needed.Select(m => text.Document(m.Document.Id)))));
        if (personal.OpenQuestions.Count > 0)
        {
            blocks.Add(new GuideParagraph("Answer these to settle the rest:"));
            blocks.Add(new GuideList([.. personal.OpenQuestions.Select(q => text.Of(q.Question))]));
        }

        return new GuideSection("您需要的材料 · Your materials", blocks);
    }

    private static string Exemption(Exemption exemption, Material material, Words text)
    {
        var when = exemption.When is null ? "" : $" when {exemption.When.Text}";
        return exemption.Kind switch
        {
            ExemptionKind.DataSharing => $"fetched by data sharing{text.Sources(material.DocumentId)}{when}",
            ExemptionKind.ELicence => $"e-licence{when}",
            ExemptionKind.Commitment => $"signed commitment{(exemption.VerifyWithinDays is { } days ? $", verified within {days} days" : "")}{when}",
            _ => $"accepted now, supplied within {exemption.DeadlineWorkingDays ?? 0} working days{when}",
        };
    }

    private static GuideSection Visits(Procedure procedure, PrecheckResult? personal, Words text)
    {
        var blocks = new List<GuideBlock>();
        if (personal is not null)
        {
            blocks.Add(new GuideParagraph(personal.Visits.Count == 0 ? "No visit: everything can be done remotely." : $"Visits you need: {personal.Visits.Count}"));
            blocks.AddRange(personal.Visits.Reasons.Count == 0 ? [] : [new GuideList([.. personal.Visits.Reasons.Select(r => $"visit {r.Visit}: {CatalogWords.Of(r.Reason)} — {text.Of(r.Why.Text)}")])]);
        }
        else if (procedure.Presence.Count == 0)
        {
            blocks.Add(new GuideParagraph("No step needs you in person."));
        }
        else
        {
            blocks.Add(new GuideList([.. procedure.Presence.Select(p =>
                $"{CatalogWords.Of(p.Reason)}{(p.Why is null ? "" : ": " + text.Of(p.Why))}{(p.When is null ? "" : $" (when {p.When.Text})")}"
                + (p.RemoteAlternative is { } remote ? $" — or remotely: {text.Of(remote.Description)}" : ""))]));
        }

        return new GuideSection("到场次数 · Visits", blocks);
    }

    private static GuideSection TimeLimits(Procedure procedure)
    {
        static string Describe(string what, TimeLimit? limit) => limit is null
            ? $"{what}: not set"
            : $"{what}: {limit.Days} {(limit.WorkingDays ? "working " : "")}{(limit.Days == 1 ? "day" : "days")}{(limit.Days == 0 ? " (on the spot)" : "")}";
        return new GuideSection("办理时限 · Time limits", [new GuideList([Describe("Statutory (法定)", procedure.TimeLimits.Statutory), Describe("Promised (承诺)", procedure.TimeLimits.Promised)])]);
    }

    private static GuideSection Fees(Procedure procedure, PrecheckResult? personal, Words text)
    {
        var fees = personal is null
            ? procedure.Fees.Select(f => (f, Applies: (Expressions.Truth?)null))
            : personal.Fees.Where(f => f.Applies != Expressions.Truth.False).Select(f => (f.Fee, Applies: (Expressions.Truth?)f.Applies));
        var rows = fees.Select(x => (IReadOnlyList<string>)
        [
            text.Of(x.Item1.Name),
            x.Item1.Amount.ToString("0.##", CultureInfo.InvariantCulture) + " yuan",
            x.Applies == Expressions.Truth.Unknown ? "depends on an open question" : x.Item1.When?.Text ?? "always",
        ]).ToList();
        return new GuideSection("收费 · Fees", rows.Count == 0 ? [new GuideParagraph("Free of charge.")] : [new GuideTable(["Fee", "Amount", "When"], rows)]);
    }

    /// <summary>Names from the catalogue, in the chosen language.</summary>
    private sealed class Words(ProcedureCatalog catalog, bool english)
    {
        public string Of(LocalizedText text) => english ? text.EnglishOrText : text.Text;

        public string Authority(string id) => catalog.Authorities.TryGetValue(id, out var a) ? Of(a.Name) : id;

        public string Document(string id) => catalog.Documents.TryGetValue(id, out var d) ? Of(d.Name) : id;

        public string Sources(string documentId) =>
            catalog.Documents.TryGetValue(documentId, out var d) && d.Evidence.Count > 0
                ? " from " + string.Join(" or ", d.Evidence.Select(e => Authority(e.AuthorityId)))
                : "";
    }
}
