using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>Reads one held document (in policy tests and application files): its type, form edition, dates, and whose it is.</summary>
internal static class HeldDocumentReader
{
    public static HeldDocument? Read(FileContext context, YNode node, References references)
    {
        var map = context.Mapping(node, "held document");
        if (map is null)
        {
            return null;
        }

        var document = map.Reference("document", "document", references, required: true);
        var version = document is null ? map.String("form_version") : map.Reference("form_version", "form version", references, scope: document);

        var issued = map.Date("issued_on");
        var expires = map.Date("expires_on");
        var electronic = map.Bool("electronic") ?? false;
        var party = map.Reference("party", "party", references, identifier: true);
        map.Finish();
        if (issued is { } i && expires is { } e && e < i)
        {
            context.Error(DiagnosticCodes.InvalidDateRange, map.Node, $"This document expires ({e:yyyy-MM-dd}) before it was issued ({i:yyyy-MM-dd}).");
        }

        return document is null ? null : new HeldDocument(document, version, issued, expires, electronic, context.At(map.Node)) { Party = party };
    }
}
