using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>Parts that procedures and bundles write alike: a version with its validity, a legal basis, a time limit.</summary>
internal static class CommonParts
{
    public const int MaxDays = 3_650;

    /// <summary><c>version</c>, <c>effective_from</c> (both required) and <c>effective_until</c>, which must not end before it starts.</summary>
    public static (int? Version, DateOnly? From, DateOnly? Until) Versioning(MappingReader map)
    {
        var version = map.Integer("version", 1, 1_000_000, required: true);
        var from = map.Date("effective_from", required: true);
        var until = map.Date("effective_until");
        if (from is { } f && until is { } u && u < f)
        {
            map.Context.Error(DiagnosticCodes.InvalidDateRange, map.Optional("effective_until")!, $"'effective_until' ({u:yyyy-MM-dd}) is before 'effective_from' ({f:yyyy-MM-dd}).");
        }

        return (version, from, until);
    }

    /// <summary>A legal basis: one <c>{law, article}</c> mapping or a list of them.</summary>
    public static List<LegalBasis> Basis(FileContext context, YNode? node)
    {
        if (node is null)
        {
            return [];
        }

        var items = node is YSequence ? context.Sequence(node, "legal references") : [node];
        var result = new List<LegalBasis>();
        foreach (var item in items)
        {
            if (context.Mapping(item, "legal reference ({law, article})") is not { } map)
            {
                continue;
            }

            var law = map.String("law", required: true);
            var article = map.String("article") ?? string.Empty;
            map.Finish();
            if (law is not null)
            {
                result.Add(new LegalBasis(law, article));
            }
        }

        return result;
    }

    /// <summary><c>{working_days: n}</c> or <c>{days: n}</c>, with a <c>basis</c> that a statutory limit must name.</summary>
    public static TimeLimit? TimeLimit(FileContext context, YNode? node, bool basisRequired)
    {
        if (context.Mapping(node, "time limit") is not { } map)
        {
            return null;
        }

        var working = map.Integer("working_days", 0, MaxDays);
        var calendar = map.Integer("days", 0, MaxDays);
        // A statutory limit is set by a law, so it must name it; a promised one is the government's own word.
        var basis = Basis(context, basisRequired ? map.Required("basis") : map.Optional("basis"));
        map.Finish();
        if (working is not null && calendar is not null)
        {
            context.Error(DiagnosticCodes.InvalidValue, map.Node, "Give either 'working_days' or 'days' (calendar days), not both.");
            return null;
        }

        if (working is null && calendar is null)
        {
            context.Error(DiagnosticCodes.MissingKey, map.Node, "This time limit needs 'working_days' (or 'days' for calendar days); 0 means on the spot.");
            return null;
        }

        return new TimeLimit(working ?? calendar!.Value, working is not null, basis, context.At(map.Node));
    }
}
