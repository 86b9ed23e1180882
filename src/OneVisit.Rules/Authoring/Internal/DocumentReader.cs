using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>Reads <c>documents.yaml</c>: document types, who issues them, and form editions.</summary>
internal static class DocumentReader
{
    public static List<DocumentType> Read(FileContext context, YNode? root, References references)
    {
        var map = context.Mapping(root ?? CatalogInfoReader.EmptyAt(), "list of documents");
        var documents = map?.List("documents", node => ReadDocument(context, node, references), required: true) ?? [];
        map?.Finish();
        return documents;
    }

    private static DocumentType? ReadDocument(FileContext context, YNode node, References references)
    {
        var map = context.Mapping(node, "document");
        if (map is null)
        {
            return null;
        }

        var id = map.Identifier("id", required: true);
        var declared = id is not null && references.Declare("document", id, context.At(map.Node), context.Diagnostics);
        var name = map.Text("name", required: true);
        var issuer = map.Word<DocumentIssuer>("issuer", required: true);
        var issuedBy = map.Reference("issued_by", "authority", references, identifier: true);
        if (issuer == DocumentIssuer.Authority && map.Optional("issued_by") is null)
        {
            context.Error(DiagnosticCodes.MissingKey, map.Node, "A document issued by an authority needs 'issued_by': the id of that authority.");
        }

        var eLicence = map.Bool("e_licence") ?? false;
        var evidence = map.List("evidence", e => ReadEvidence(context, e, references));
        var versions = map.List("form_versions", v => ReadFormVersion(context, v));
        map.Finish();
        if (declared)
        {
            foreach (var version in versions)
            {
                references.Declare("form version", version.Version, version.Location, context.Diagnostics, scope: id!);
            }
        }

        if (!declared || name is null || issuer is null)
        {
            return null;
        }

        var document = new DocumentType(id!, name, issuer.Value, issuedBy, eLicence, evidence, versions, context.At(map.Node));
        FormTimeline.Check(document, references, context.Diagnostics);
        return document;
    }

    private static EvidenceSource? ReadEvidence(FileContext context, YNode node, References references)
    {
        var map = context.Mapping(node, "evidence source");
        if (map is null)
        {
            return null;
        }

        var source = map.Reference("source", "authority", references, required: true, identifier: true);

        var regions = map.List("regions", r => context.String(r, "region"), required: true);
        map.Finish();
        return source is null ? null : new EvidenceSource(source, regions, context.At(map.Node));
    }

    private static FormVersion? ReadFormVersion(FileContext context, YNode node)
    {
        var map = context.Mapping(node, "form version");
        if (map is null)
        {
            return null;
        }

        var version = map.String("version", required: true);
        var from = map.Date("effective_from", required: true);
        var until = map.Date("effective_until");
        var accepted = map.Date("accepted_until");
        var converts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (map.Optional("converts_from") is { } convertsNode && context.Mapping(convertsNode, "conversion table") is { } table)
        {
            foreach (var (fromVersion, fieldsNode) in table.Entries)
            {
                converts[fromVersion.Value] = ReadFieldMap(context, fieldsNode);
            }
        }

        map.Finish();
        return version is null || from is null
            ? null
            : new FormVersion(version, from.Value, until, accepted, converts, context.At(map.Node));
    }

    private static Dictionary<string, string> ReadFieldMap(FileContext context, YNode node)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (context.Mapping(node, "field map (old field: new field)") is { } map)
        {
            foreach (var (oldField, newNode) in map.Entries)
            {
                if (context.String(newNode, "new field name") is { } newField)
                {
                    fields[oldField.Value] = newField;
                }
            }
        }

        return fields;
    }
}
