using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>Reads one held document (in policy tests and application files): its type, form edition, dates.</summary>
internal static class HeldDocumentReader
{
    public static HeldDocument? Read(FileContext context, YNode node, References references)
    {
        var map = context.Mapping(node, "held document");
        if (map is null)
        {
            return null;
        }

        var documentNode = map.Required("document");
        var document = documentNode is null ? null : context.String(documentNode, "document");
        if (document is not null)
        {
            references.Expect("document", document, context.At(documentNode!));
        }

        var versionNode = map.Optional("form_version");
        var version = versionNode is null ? null : context.String(versionNode, "form_version");
        if (version is not null && document is not null)
        {
            references.Expect("form version", version, context.At(versionNode!), scope: document);
        }

        var issued = map.Date("issued_on");
        var expires = map.Date("expires_on");
        var electronic = map.Bool("electronic") ?? false;
        map.Finish();
        if (issued is { } i && expires is { } e && e < i)
        {
            context.Error(DiagnosticCodes.InvalidDateRange, map.Node, $"This document expires ({e:yyyy-MM-dd}) before it was issued ({i:yyyy-MM-dd}).");
        }

        return document is null ? null : new HeldDocument(document, version, issued, expires, electronic, context.At(map.Node));
    }
}
