using OneVisit.Rules.Catalog;
using OneVisit.Rules.Guides.Internal;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Guides;

/// <summary>
/// Builds a bundle's service guide (一件事办事指南) from the same catalogue the bundle precheck reads: the event, the
/// lead department, the acceptance point and delivery, the joint form, a task list (members in the order they can
/// be done, each with its department, its own materials, when it applies and what it waits for), and the matter's
/// worst-case visits beside what the departments would add up to one by one. Written by <see cref="GuideWriters"/>.
/// </summary>
public static partial class BundleGuide
{
    /// <summary>The general guide of <paramref name="bundle"/>.</summary>
    /// <param name="catalog">The catalogue holding the bundle and its members.</param>
    /// <param name="bundle">The bundle.</param>
    /// <param name="english">English labels, and names in English where the catalogue has them; Chinese otherwise.</param>
    public static GuideDocument Build(ProcedureCatalog catalog, Bundle bundle, bool english = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(bundle);
        var text = new CatalogText(catalog, english);
        var words = BundleGuideLabels.For(english ? GuideLanguage.English : GuideLanguage.Chinese);
        var sections = new List<GuideSection>
        {
            Basics(catalog, bundle, text, words),
            Form(catalog, bundle, text, words),
            Tasks(catalog, bundle, text, words),
            Visits(catalog, bundle, text, words),
            TimeLimits(catalog, bundle, text, words),
            Channels(catalog, bundle, text, words),
        };
        return new GuideDocument(text.Of(bundle.Name), words.Subtitle(bundle.Code, bundle.Version, text.Labels.Date(bundle.EffectiveFrom)), false, sections)
        {
            Language = english ? GuideLanguage.English : GuideLanguage.Chinese,
        };
    }

    private static GuideSection Basics(ProcedureCatalog catalog, Bundle bundle, CatalogText text, BundleGuideLabels words)
    {
        var labels = text.Labels;
        var cooperating = Members(catalog, bundle).Select(p => p.Jurisdiction.DefaultAuthorityId).Where(a => a != bundle.LeadAuthorityId).Distinct(StringComparer.Ordinal);
        List<IReadOnlyList<string>> rows =
        [
            [words.BundleName, text.Of(bundle.Name)],
            [words.BundleCode, bundle.Code],
            [words.Event, $"{text.Of(bundle.Event.Name)}{labels.Separator}{words.EventKind(bundle.Event.Kind)}"],
            [words.Lead, text.Authority(bundle.LeadAuthorityId)],
            [words.Cooperating, string.Join(labels.ListSeparator, cooperating.Select(text.Authority)) is { Length: > 0 } others ? others : labels.None],
            [words.Acceptance, Acceptance(catalog, bundle, text, words)],
            [words.Delivery, words.DeliveryWord(bundle.Delivery)],
            [words.TimeLimit, bundle.TimeLimit is { } limit ? labels.Days(limit.Days, limit.WorkingDays) : labels.NotSet],
        ];
        if (bundle.Consent.Count > 0)
        {
            rows.Add([words.Consent, string.Join(labels.ListSeparator, bundle.Consent.Select(p => catalog.Parties.TryGetValue(p, out var party) ? text.Of(party.Name) : p))]);
        }

        return new GuideSection(labels.BasicsHeading, [new GuideTable([labels.Item, labels.Details], rows)]);
    }

    // The form's questions; without a declared form, every fact a member's conditions (or its own 'when') ask about.
    private static GuideSection Form(ProcedureCatalog catalog, Bundle bundle, CatalogText text, BundleGuideLabels words)
    {
        var paths = bundle.Form.Count > 0 ? bundle.Form : FormFacts.Of(bundle, Members(catalog, bundle));
        var questions = paths.Select(p => catalog.Facts.Definition(p)).OfType<FactDefinition>().Select(d => text.Of(d.Question)).Distinct(StringComparer.Ordinal).ToList();
        return new GuideSection(words.FormHeading, questions.Count == 0
            ? [new GuideParagraph(text.Labels.NoConditions)]
            : [new GuideParagraph(bundle.Form.Count > 0 ? words.FormIntro : words.FormFromMembers), new GuideList(questions)]);
    }

    // The worst case, counted by the bundle precheck's own trip counter (BundleVisits.WorstCase), so no precheck of
    // the bundle can come out with more trips than the guide states.
    private static GuideSection Visits(ProcedureCatalog catalog, Bundle bundle, CatalogText text, BundleGuideLabels words)
    {
        var labels = text.Labels;
        var worst = BundleVisits.WorstCase(catalog, bundle);
        var blocks = new List<GuideBlock> { new GuideParagraph(worst.Count == 0 ? labels.NoVisit : words.AtMostTrips(worst.Count, worst.NaiveSum)) };
        if (worst.Trips.Count > 0)
        {
            blocks.Add(new GuideParagraph(words.Trip));
            blocks.Add(new GuideList([.. worst.Trips.Select(t => labels.VisitNumber(t.Number) + labels.Colon + words.TripLine(text.Of(t.Place), text.Of(t.Why))
                + labels.Separator + string.Join(labels.Separator, t.Touchpoints.GroupBy(p => p.ProcedureCode).Select(g =>
                    $"{MemberName(catalog, g.Key, text)}{labels.Colon}{string.Join(labels.ListSeparator, g.Select(p => labels.Of(p.Reason.Reason)).Distinct(StringComparer.Ordinal))}")))]));
        }

        blocks.Add(new GuideParagraph(words.OnTheirOwn));
        blocks.Add(new GuideList([.. bundle.Members.Select(m => words.OwnCount(MemberName(catalog, m.ProcedureCode, text), worst.PerMember.GetValueOrDefault(m.ProcedureCode)))]));
        return new GuideSection(labels.VisitsHeading, blocks);
    }

    private static GuideSection TimeLimits(ProcedureCatalog catalog, Bundle bundle, CatalogText text, BundleGuideLabels words)
    {
        var labels = text.Labels;
        string Limit(TimeLimit? limit) => limit is null ? labels.NotSet : labels.Days(limit.Days, limit.WorkingDays);
        var items = new List<string> { words.BundleLimit + labels.Colon + Limit(bundle.TimeLimit) };
        items.AddRange(Members(catalog, bundle).Select(p => $"{text.Of(p.Name)}{labels.Colon}{labels.Promised} {Limit(p.TimeLimits.Promised)}{labels.Separator}{labels.Statutory} {Limit(p.TimeLimits.Statutory)}"));
        return new GuideSection(labels.TimeLimitsHeading, [new GuideList(items)]);
    }

    private static GuideSection Channels(ProcedureCatalog catalog, Bundle bundle, CatalogText text, BundleGuideLabels words)
    {
        var labels = text.Labels;
        return new GuideSection(labels.ChannelsHeading,
        [
            new GuideParagraph(labels.Apply + labels.Colon + Acceptance(catalog, bundle, text, words)),
            new GuideParagraph(labels.Result + labels.Colon + words.DeliveryWord(bundle.Delivery)),
        ]);
    }

    private static string Acceptance(ProcedureCatalog catalog, Bundle bundle, CatalogText text, BundleGuideLabels words)
    {
        if (bundle.Acceptance is not { } acceptance)
        {
            return words.NoAcceptancePoint;
        }

        var channels = string.Join(text.Labels.ListSeparator, acceptance.Channels.Select(text.Labels.Of));
        var window = acceptance.WindowId is { } id && catalog.Windows.TryGetValue(id, out var w) ? text.Of(w.Name) : text.Authority(bundle.LeadAuthorityId);
        return words.AcceptedAt(window, channels);
    }

    private static IEnumerable<Procedure> Members(ProcedureCatalog catalog, Bundle bundle) =>
        bundle.Members.Select(m => catalog.Procedures.GetValueOrDefault(m.ProcedureCode)).OfType<Procedure>();

    private static string MemberName(ProcedureCatalog catalog, string code, CatalogText text) =>
        catalog.Procedures.TryGetValue(code, out var procedure) ? text.Of(procedure.Name) : code;
}
