using System.Text.RegularExpressions;
using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Export.Internal;

/// <summary>
/// The catalogue's text as language-tagged values: its own text in its <c>default_language</c>, its English (when it
/// has one) as <c>en</c>. Wording the export composes itself (a service's description, a dataset's title) is Chinese
/// only for a Chinese catalogue, and always English.
/// </summary>
internal sealed partial class Texts
{
    private readonly string _own;
    private readonly bool _ownIsEnglish;
    private readonly bool _ownIsChinese;

    public Texts(CatalogInfo info)
    {
        if (!LanguageTag().IsMatch(info.DefaultLanguage))
        {
            throw new CpsvApExportException(
                info.Location,
                $"default_language '{info.DefaultLanguage}' is not a language tag (BCP 47), which JSON-LD needs for every text; write one such as zh-CN or en.");
        }

        _own = info.DefaultLanguage;
        var primary = _own.Split('-')[0];
        _ownIsEnglish = primary.Equals("en", StringComparison.OrdinalIgnoreCase);
        _ownIsChinese = primary.Equals("zh", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The text, and its English unless the catalogue's own language is English (one label per language).</summary>
    public IEnumerable<LdValue> Of(LocalizedText text)
    {
        yield return LdValue.Text(text.Text, _own);
        if (text.English is { } english && !_ownIsEnglish)
        {
            yield return LdValue.Text(english, "en");
        }
    }

    /// <summary>Text in the catalogue's own language only, such as a law's name.</summary>
    public LdValue Own(string text) => LdValue.Text(text, _own);

    /// <summary>Wording the export composes: the Chinese for a Chinese catalogue, and the English.</summary>
    public IEnumerable<LdValue> Composed(string chinese, string english)
    {
        if (_ownIsChinese)
        {
            yield return LdValue.Text(chinese, _own);
        }

        yield return LdValue.Text(english, _ownIsEnglish ? _own : "en");
    }

    // The well-formed shape of a BCP 47 tag (language, then subtags of up to eight letters or digits), not its registry.
    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
