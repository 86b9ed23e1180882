using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Catalog;

/// <summary>Administrative levels, from the top down.</summary>
public enum AuthorityLevel
{
    /// <summary>国家 (national).</summary>
    National,

    /// <summary>省 (province).</summary>
    Province,

    /// <summary>市 (city).</summary>
    City,

    /// <summary>区 (district).</summary>
    District,

    /// <summary>县 (county).</summary>
    County,

    /// <summary>乡镇/街道 (township or street office).</summary>
    Township,
}

/// <summary>An intake window (窗口). With single-window intake it accepts every procedure and the back office routes.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Name">Display name.</param>
/// <param name="AcceptsAll">True for <c>accepts: all</c>.</param>
/// <param name="AcceptedCodes">The procedure codes it accepts when <paramref name="AcceptsAll"/> is false.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record Window(string Id, LocalizedText Name, bool AcceptsAll, IReadOnlyList<string> AcceptedCodes, SourceLocation Location)
{
    /// <summary>Whether the window takes applications for <paramref name="procedureCode"/>.</summary>
    public bool Accepts(string procedureCode) => AcceptsAll || AcceptedCodes.Contains(procedureCode, StringComparer.Ordinal);
}

/// <summary>A government body that decides procedures, with its level and place in the authority tree.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Department">The line of government (<c>market_regulation</c>, …), if given.</param>
/// <param name="Level">Administrative level.</param>
/// <param name="Region">Region path it serves.</param>
/// <param name="ParentId">The authority above it, if any.</param>
/// <param name="Windows">Its intake windows.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record Authority(
    string Id,
    LocalizedText Name,
    string? Department,
    AuthorityLevel Level,
    string Region,
    string? ParentId,
    IReadOnlyList<Window> Windows,
    SourceLocation Location);
