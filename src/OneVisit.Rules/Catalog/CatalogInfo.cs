using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Catalog;

/// <summary>What <c>catalog.yaml</c> says about the catalogue as a whole.</summary>
/// <param name="Name">The catalogue's name.</param>
/// <param name="Region">The region path it serves, e.g. <c>zhejiang/hangzhou</c>.</param>
/// <param name="DefaultLanguage">The language of untranslated text, e.g. <c>zh-CN</c>.</param>
/// <param name="AsOf">The date the catalogue describes; policy tests (and <c>onevisit precheck</c> files) without a date are judged on it.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record CatalogInfo(LocalizedText Name, string Region, string DefaultLanguage, DateOnly AsOf, SourceLocation Location)
{
    /// <summary>
    /// The offices' time zone (<c>time_zone</c>, an IANA id such as <c>Asia/Shanghai</c>): days are counted in it,
    /// for the precheck's date and for deadlines, whatever zone the server runs in. Null: the host's
    /// <see cref="TimeProvider.LocalTimeZone"/>.
    /// </summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>The parties procedures, facts and bundles may name (<c>parties:</c> in <c>catalog.yaml</c>).</summary>
    public IReadOnlyList<Party> Parties { get; init; } = [];
}
