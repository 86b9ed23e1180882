using OneVisit.Rules.Catalog;
using OneVisit.Rules.Guides.Internal;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Guides;

/// <summary>
/// Builds a procedure's service guide (办事指南) from the same catalogue the rules come from: authority and
/// level, legal basis, conditions, materials by situation with their exemptions, time limits, fees, channels,
/// result delivery and visits. Given a precheck, it is personalised: only the materials that apply, what the
/// government fetches itself, and what is still needed.
/// </summary>
public static partial class ServiceGuide
{
    /// <summary>The general guide of <paramref name="procedure"/>, or one applicant's when <paramref name="personal"/> is given.</summary>
    /// <param name="catalog">The catalogue holding the procedure.</param>
    /// <param name="procedure">The procedure.</param>
    /// <param name="personal">A precheck of the same procedure for one applicant, or null.</param>
    /// <param name="english">English labels, and names and notes in English where the catalogue has them; Chinese otherwise.</param>
    public static GuideDocument Build(ProcedureCatalog catalog, Procedure procedure, PrecheckResult? personal = null, bool english = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(procedure);
        if (personal is not null && personal.Procedure.Code != procedure.Code)
        {
            throw new ArgumentException($"The precheck is of {personal.Procedure.Code}, not of {procedure.Code}.", nameof(personal));
        }

        var text = new CatalogText(catalog, english);
        var labels = text.Labels;
        var sections = new List<GuideSection>
        {
            Basics(procedure, personal, text),
            new(labels.LegalBasisHeading, [new GuideList([.. procedure.LegalBasis.Select(b => b.ToString())])]),
            Conditions(procedure, text),
            personal is null ? Materials(catalog, procedure, text) : PersonalMaterials(personal, text),
            personal is null ? Visits(catalog, procedure, text) : PersonalVisits(personal, text),
            TimeLimits(procedure, labels),
            Fees(procedure, personal, text),
            new(labels.ChannelsHeading,
            [
                new GuideParagraph(labels.Apply + labels.Colon + string.Join(labels.ListSeparator, procedure.Channels.Select(labels.Of))),
                new GuideParagraph(labels.Result + labels.Colon + string.Join(labels.ListSeparator, procedure.ResultDelivery.Select(labels.Of))),
            ]),
        };

        return new GuideDocument(text.Of(procedure.Name), labels.Subtitle(procedure.Code, procedure.Version, procedure.EffectiveFrom), personal is not null, sections)
        {
            Language = english ? GuideLanguage.English : GuideLanguage.Chinese,
        };
    }

    private static GuideSection Basics(Procedure procedure, PrecheckResult? personal, CatalogText text)
    {
        var labels = text.Labels;
        var jurisdiction = procedure.Jurisdiction;
        var (authority, level) = personal switch
        {
            not null => (text.Authority(personal.Routing.Authority.Id) + (personal.Routing.Decided ? "" : labels.NotSettled), labels.Of(personal.Routing.Level)),
            null when jurisdiction.Rules.Count == 0 => (text.Authority(jurisdiction.DefaultAuthorityId), text.Level(jurisdiction.DefaultAuthorityId)),
            _ => (labels.SeeBelow, labels.SeeBelow),
        };
        var blocks = new List<GuideBlock>
        {
            new GuideTable([labels.Item, labels.Details],
            [
                [labels.ProcedureName, text.Of(procedure.Name)],
                [labels.ProcedureCode, procedure.Code],
                [labels.Authority, authority],
                [labels.Level, level],
            ]),
        };
        if (personal?.Routing.ForwardedTo is not null)
        {
            blocks.Add(new GuideParagraph(labels.Forwarded));
        }
        else if (personal is null && jurisdiction.Rules.Count > 0)
        {
            var rows = jurisdiction.Rules
                .Select(r => (IReadOnlyList<string>)[text.When(r.When, labels.Always), text.Authority(r.AuthorityId), text.Level(r.AuthorityId), r.Because is null ? "" : text.Of(r.Because)])
                .Append([labels.Otherwise, text.Authority(jurisdiction.DefaultAuthorityId), text.Level(jurisdiction.DefaultAuthorityId), ""])
                .ToList();
            blocks.Add(new GuideTable([labels.Situation, labels.Authority, labels.Level, labels.Why], rows));
        }

        return new GuideSection(labels.BasicsHeading, blocks);
    }

    private static GuideSection Conditions(Procedure procedure, CatalogText text)
    {
        var labels = text.Labels;
        var blocks = new List<GuideBlock>();
        if (procedure.Conditions.Count > 0)
        {
            blocks.Add(new GuideList([.. procedure.Conditions.Select(c => text.Of(c.Text))]));
        }

        if (procedure.Eligibility.Count > 0)
        {
            blocks.Add(new GuideParagraph(labels.NotAccepted));
            blocks.Add(new GuideList([.. procedure.Eligibility.Select(e => $"{text.Of(e.Message)} — {string.Join(labels.Separator, e.Basis.Select(b => b.ToString()))}")]));
        }

        if (blocks.Count == 0)
        {
            blocks.Add(new GuideParagraph(labels.NoConditions));
        }

        return new GuideSection(labels.ConditionsHeading, blocks);
    }

    private static GuideSection TimeLimits(Procedure procedure, GuideLabels labels)
    {
        string Describe(string what, TimeLimit? limit) => what + labels.Colon + (limit is null ? labels.NotSet : labels.Days(limit.Days, limit.WorkingDays));
        return new GuideSection(labels.TimeLimitsHeading,
            [new GuideList([Describe(labels.Statutory, procedure.TimeLimits.Statutory), Describe(labels.Promised, procedure.TimeLimits.Promised)])]);
    }

    private static GuideSection Fees(Procedure procedure, PrecheckResult? personal, CatalogText text)
    {
        var labels = text.Labels;
        var fees = personal is null
            ? procedure.Fees.Select(f => (Fee: f, Applies: (Expressions.Truth?)null))
            : personal.Fees.Where(f => f.Applies != Expressions.Truth.False).Select(f => (f.Fee, Applies: (Expressions.Truth?)f.Applies));
        var rows = fees.Select(x => (IReadOnlyList<string>)
        [
            text.Of(x.Fee.Name),
            labels.Money(x.Fee.Amount),
            x.Applies == Expressions.Truth.Unknown ? labels.DependsOnOpenQuestion : text.When(x.Fee.When, labels.Always),
        ]).ToList();
        return new GuideSection(labels.FeesHeading, rows.Count == 0 ? [new GuideParagraph(labels.FreeOfCharge)] : [new GuideTable([labels.Fee, labels.Amount, labels.FeeWhen], rows)]);
    }
}
