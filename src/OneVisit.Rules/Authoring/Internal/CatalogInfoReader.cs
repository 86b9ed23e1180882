using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>Reads <c>catalog.yaml</c>.</summary>
internal static class CatalogInfoReader
{
    public static CatalogInfo? Read(FileContext context, YNode? root)
    {
        var map = context.Mapping(root ?? EmptyAt(), "catalogue description");
        if (map is null)
        {
            return null;
        }

        var name = map.Text("name", required: true);
        var region = map.String("region", required: true);
        var language = map.String("default_language", required: true);
        var asOf = map.Date("as_of", required: true);
        map.Finish();
        return name is null || region is null || language is null || asOf is null
            ? null
            : new CatalogInfo(name, region, language, asOf.Value, context.At(map.Node));
    }

    /// <summary>An empty file reads as an empty mapping, so each missing key is reported by name.</summary>
    internal static YMapping EmptyAt() => new(1, 1, 0);
}
