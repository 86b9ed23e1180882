using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Guides.Internal;

/// <summary>The catalogue's names and conditions in the guide's language, with its fixed labels.</summary>
internal sealed class CatalogText
{
    private readonly ProcedureCatalog _catalog;
    private readonly bool _english;
    private readonly ConditionPhraser _phraser;

    public CatalogText(ProcedureCatalog catalog, bool english)
    {
        _catalog = catalog;
        _english = english;
        Labels = GuideLabels.For(english ? GuideLanguage.English : GuideLanguage.Chinese);
        _phraser = new ConditionPhraser(catalog.Facts, Labels.Phrases, english);
    }

    public GuideLabels Labels { get; }

    public string Of(LocalizedText text) => _english ? text.EnglishOrText : text.Text;

    public string Authority(string id) => _catalog.Authorities.TryGetValue(id, out var a) ? Of(a.Name) : id;

    public string Level(string authorityId) => _catalog.Authorities.TryGetValue(authorityId, out var a) ? Labels.Of(a.Level) : "";

    public string Document(string id) => _catalog.Documents.TryGetValue(id, out var d) ? Of(d.Name) : id;

    /// <summary>A condition in words a citizen reads; <paramref name="always"/> when there is none.</summary>
    public string When(PolicyCondition? condition, string always) => condition is null ? always : _phraser.Phrase(condition);

    public string Sources(string documentId) =>
        _catalog.Documents.TryGetValue(documentId, out var d) && d.Evidence.Count > 0
            ? string.Join(Labels.Or, d.Evidence.Select(e => Authority(e.AuthorityId)))
            : "";
}
