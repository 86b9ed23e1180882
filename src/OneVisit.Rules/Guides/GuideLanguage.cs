namespace OneVisit.Rules.Guides;

/// <summary>The language of a guide's fixed wording (headings, column titles, statuses, dates).</summary>
public enum GuideLanguage
{
    /// <summary>Chinese, the catalogue's own language: the guide an office hands out.</summary>
    Chinese,

    /// <summary>English, with the catalogue's English names where it has them.</summary>
    English,
}
