using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>Reads <c>catalog.yaml</c>.</summary>
internal static class CatalogInfoReader
{
    public static CatalogInfo? Read(FileContext context, YNode? root, References references)
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
        var zone = TimeZone(context, map.Optional("time_zone"));
        var parties = map.List("parties", node => ReadParty(context, node, references));
        map.Finish();
        return name is null || region is null || language is null || asOf is null
            ? null
            : new CatalogInfo(name, region, language, asOf.Value, context.At(map.Node)) { TimeZone = zone, Parties = parties };
    }

    /// <summary>A party procedures may involve: <c>{id, name, name_en}</c>.</summary>
    private static Party? ReadParty(FileContext context, YNode node, References references)
    {
        var map = context.Mapping(node, "party ({id, name, name_en})");
        if (map is null)
        {
            return null;
        }

        var id = map.Identifier("id", required: true);
        var name = map.Text("name", required: true);
        map.Finish();
        return id is null || name is null || !references.Declare("party", id, context.At(map.Node), context.Diagnostics)
            ? null
            : new Party(id, name, context.At(map.Node));
    }

    /// <summary>An IANA time zone this machine knows (tzdata, or ICU on Windows), or null with the error reported.</summary>
    private static TimeZoneInfo? TimeZone(FileContext context, YNode? node)
    {
        if (node is null || context.String(node, "time zone") is not { } id)
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        context.Error(DiagnosticCodes.InvalidValue, node,
            $"There is no time zone '{id}' on this machine. Write the offices' IANA time zone, e.g. Asia/Shanghai (a machine without time-zone data needs the tzdata package).");
        return null;
    }

    /// <summary>An empty file reads as an empty mapping, so each missing key is reported by name.</summary>
    internal static YMapping EmptyAt() => new(1, 1, 0);
}
