using System.CommandLine;
using OneVisit.Rules.Catalog;

namespace OneVisit.Cli.Common;

/// <summary>The language of a command's text output: its labels, headings, words and the catalogue's names.</summary>
internal enum TextLanguage
{
    /// <summary>Chinese, the catalogue's own language (the sample's): the default.</summary>
    Chinese,

    /// <summary>English, with the catalogue's English names where it has them.</summary>
    English,
}

internal static class TextLanguageExtensions
{
    /// <summary>The side of the catalogue's bilingual text a person reads; English falls back to the catalogue's language.</summary>
    public static string Pick(this TextLanguage language, LocalizedText text) =>
        language == TextLanguage.English ? text.EnglishOrText : text.Text;

    /// <summary>One of two wordings.</summary>
    public static T Pick<T>(this TextLanguage language, T chinese, T english) =>
        language == TextLanguage.English ? english : chinese;
}

/// <summary><c>--lang zh|en</c>, the same on every command that writes text for people.</summary>
internal static class LanguageOption
{
    public static Option<TextLanguage> Create(string description) => new("--lang")
    {
        Description = description + " zh (the default) or en.",
        HelpName = "zh|en",
        DefaultValueFactory = _ => TextLanguage.Chinese,
        CustomParser = result =>
        {
            var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            switch (value)
            {
                case "zh":
                    return TextLanguage.Chinese;
                case "en":
                    return TextLanguage.English;
                default:
                    result.AddError($"--lang takes zh (Chinese) or en (English), not '{value}'.");
                    return TextLanguage.Chinese;
            }
        },
    };
}
