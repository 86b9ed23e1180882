namespace OneVisit.Rules.Guides;

/// <summary>
/// A service guide (办事指南) as sections of plain blocks, built once from the catalogue and written as
/// Markdown or HTML by <see cref="GuideWriters"/>: the same content whatever the format.
/// </summary>
/// <param name="Title">The procedure's name.</param>
/// <param name="Subtitle">Code, version and in-force date.</param>
/// <param name="Personalised">Whether it was narrowed to one applicant's facts.</param>
/// <param name="Sections">The sections, in reading order.</param>
public sealed record GuideDocument(string Title, string Subtitle, bool Personalised, IReadOnlyList<GuideSection> Sections)
{
    /// <summary>The language of the sections' wording, and so of the writers' own words (page language, footer).</summary>
    public GuideLanguage Language { get; init; } = GuideLanguage.Chinese;
}

/// <summary>A titled section of a guide.</summary>
/// <param name="Heading">Its title, in the guide's language.</param>
/// <param name="Blocks">Its content.</param>
public sealed record GuideSection(string Heading, IReadOnlyList<GuideBlock> Blocks);

/// <summary>A piece of content: a paragraph, a list or a table.</summary>
public abstract record GuideBlock;

/// <summary>A paragraph.</summary>
/// <param name="Text">Its text.</param>
public sealed record GuideParagraph(string Text) : GuideBlock;

/// <summary>A bulleted list.</summary>
/// <param name="Items">Its items.</param>
public sealed record GuideList(IReadOnlyList<string> Items) : GuideBlock;

/// <summary>A table.</summary>
/// <param name="Header">Column titles.</param>
/// <param name="Rows">Rows, each as long as the header.</param>
public sealed record GuideTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : GuideBlock;
