using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Guides.Internal;

/// <summary>
/// Every fixed word of a service guide in one language: headings, column titles, statuses and how dates, days and
/// money are written. One instance per language, so the builder and the writers never branch on the language.
/// </summary>
internal sealed partial class GuideLabels
{
    public static GuideLabels For(GuideLanguage language) => language == GuideLanguage.English ? English : Chinese;

    // Document
    public required string HtmlLanguage { get; init; }
    public required string Kind { get; init; }
    public required string Personalised { get; init; }
    public required string Footer { get; init; }
    public required Func<string, int, DateOnly, string> Subtitle { get; init; }

    // Section headings
    public required string BasicsHeading { get; init; }
    public required string LegalBasisHeading { get; init; }
    public required string ConditionsHeading { get; init; }
    public required string MaterialsHeading { get; init; }
    public required string YourMaterialsHeading { get; init; }
    public required string VisitsHeading { get; init; }
    public required string TimeLimitsHeading { get; init; }
    public required string FeesHeading { get; init; }
    public required string ChannelsHeading { get; init; }

    // Basic information
    public required string Item { get; init; }
    public required string Details { get; init; }
    public required string ProcedureName { get; init; }
    public required string ProcedureCode { get; init; }
    public required string Authority { get; init; }
    public required string Level { get; init; }
    public required string Situation { get; init; }
    public required string Why { get; init; }
    public required string Otherwise { get; init; }
    public required string Always { get; init; }
    public required string AlwaysNeeded { get; init; }
    public required string SeeBelow { get; init; }
    public required string NotSettled { get; init; }
    public required string Forwarded { get; init; }

    // Conditions
    public required string NotAccepted { get; init; }
    public required string NoConditions { get; init; }

    // Materials
    public required string Material { get; init; }
    public required string Form { get; init; }
    public required string NeededWhen { get; init; }
    public required string InsteadOfHandingIn { get; init; }
    public required string Status { get; init; }
    public required string ForYou { get; init; }
    public required string None { get; init; }
    public required Func<string, int, string> FormAndCopies { get; init; }
    public required Func<string, string> FetchedFrom { get; init; }
    public required Func<int?, string> Commitment { get; init; }
    public required Func<int, string> AcceptWithGap { get; init; }
    public required string ELicence { get; init; }
    public required Func<string, string, string> OnlyWhen { get; init; }
    public required Func<string, string, string> FromSource { get; init; }
    public required string Or { get; init; }
    public required string Separator { get; init; }
    public required string ListSeparator { get; init; }
    public required string Colon { get; init; }
    public required string FetchedFromDepartments { get; init; }
    public required string PreparedByOffice { get; init; }
    public required string StillNeeded { get; init; }
    public required string NothingNeeded { get; init; }
    public required string OpenQuestions { get; init; }

    // Visits
    public required string NoVisit { get; init; }
    public required Func<int, string> VisitsNeeded { get; init; }
    public required Func<int, string> AtMostVisits { get; init; }
    public required Func<int, string> VisitNumber { get; init; }
    public required string FewerVisits { get; init; }
    public required Func<string, string, string> ApplyRemotely { get; init; }
    public required Func<string, string, string> OnlyNeededWhen { get; init; }
    public required Func<string, string, string> Remotely { get; init; }
    public required Func<string, string> OriginalsSpared { get; init; }
    public required Func<string, string, string> NoTrip { get; init; }

    // Time limits and fees
    public required string Statutory { get; init; }
    public required string Promised { get; init; }
    public required string NotSet { get; init; }
    public required Func<int, bool, string> Days { get; init; }
    public required string Fee { get; init; }
    public required string Amount { get; init; }
    public required string FeeWhen { get; init; }
    public required string DependsOnOpenQuestion { get; init; }
    public required string FreeOfCharge { get; init; }
    public required Func<decimal, string> Money { get; init; }

    // Channels
    public required string Apply { get; init; }
    public required string Result { get; init; }

    /// <summary>Words for OneVisit's enums (channels, statuses, levels, …) in this language.</summary>
    public required IReadOnlyDictionary<Enum, string> Words { get; init; }

    /// <summary>How condition phrases are worded.</summary>
    public required PhraseWords Phrases { get; init; }

    /// <summary>A date as people of this language write it.</summary>
    public required Func<DateOnly, string> Date { get; init; }

    /// <summary>The word for <paramref name="value"/>; the catalogue's own word if this language has none.</summary>
    public string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Words.TryGetValue(value, out var word) ? word : CatalogWords.Of(value);
}
