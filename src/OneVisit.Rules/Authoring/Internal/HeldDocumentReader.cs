using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>Reads one held document (in policy tests and application files): its type, form edition, dates, and whose it is.</summary>
internal static class HeldDocumentReader
{
    /// <param name="context">The file being read.</param>
    /// <param name="node">The document's mapping.</param>
    /// <param name="references">Where the document, form edition and party ids are checked once everything is read.</param>
    /// <param name="handedInOn">
    /// The day the document is handed in, when it is handed in now (documents supplied to a case): one issued later
    /// cannot be held yet. Null for an application or a test, whose <c>as_of</c> the precheck checks the dates against.
    /// </param>
    public static HeldDocument? Read(FileContext context, YNode node, References references, DateOnly? handedInOn = null)
    {
        var map = context.Mapping(node, "held document");
        if (map is null)
        {
            return null;
        }

        var document = map.Reference("document", "document", references, required: true);
        var version = document is null ? map.String("form_version") : map.Reference("form_version", "form version", references, scope: document);

        var issuedNode = map.Optional("issued_on");
        var issued = issuedNode is null ? null : context.Date(issuedNode, "issued_on");
        var expires = map.Date("expires_on");
        var electronic = map.Bool("electronic") ?? false;
        var party = map.Reference("party", "party", references, identifier: true);
        map.Finish();
        if (issued is { } i && expires is { } e && e < i)
        {
            context.Error(DiagnosticCodes.InvalidDateRange, map.Node, $"This document expires ({e:yyyy-MM-dd}) before it was issued ({i:yyyy-MM-dd}).");
        }

        if (issued is { } on && handedInOn is { } day && on > day)
        {
            context.Error(DiagnosticCodes.InvalidDateRange, issuedNode!,
                $"This document is issued on {on:yyyy-MM-dd}, after {day:yyyy-MM-dd}, the day it is handed in; check the date.");
        }

        return document is null ? null : new HeldDocument(document, version, issued, expires, electronic, context.At(map.Node)) { Party = party };
    }
}
