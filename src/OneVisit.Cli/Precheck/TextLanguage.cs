using OneVisit.Rules.Catalog;

namespace OneVisit.Cli.Precheck;

/// <summary>Which side of the catalogue's bilingual text a person reads.</summary>
internal enum TextLanguage
{
    /// <summary>The catalogue's own language (Chinese in the sample).</summary>
    Chinese,

    /// <summary>English, falling back to the catalogue's language where it has no translation.</summary>
    English,
}

internal static class TextLanguageExtensions
{
    public static string Pick(this TextLanguage language, LocalizedText text) =>
        language == TextLanguage.English ? text.EnglishOrText : text.Text;
}
