using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>
/// Reads an application file: the procedure (or the bundle), as-of date, window, facts and held documents, and for
/// a bundle the optional members the applicant leaves out.
/// </summary>
internal static class ApplicationReader
{
    public static (PrecheckRequest? Procedure, BundlePrecheckRequest? Bundle) Read(FileContext context, YNode? root, ProcedureCatalog catalog)
    {
        var references = Declared(catalog);
        var map = context.Mapping(root ?? CatalogInfoReader.EmptyAt(), "application");
        if (map is null)
        {
            return (null, null);
        }

        var bundleNode = map.Optional("bundle");
        var procedure = bundleNode is null ? map.Reference("procedure", "procedure", references, required: true) : null;
        var bundle = bundleNode is null ? null : map.Reference("bundle", "bundle", references);
        if (bundleNode is not null && map.Optional("procedure") is { } both)
        {
            context.Error(DiagnosticCodes.InvalidValue, both, "An application names either a 'procedure' or a 'bundle', not both; remove one.");
        }

        var leftOut = ReadLeftOut(context, map, bundle, code => catalog.Bundles.GetValueOrDefault(code));
        var asOf = map.Date("as_of");
        var window = map.Reference("window", "window", references);
        var facts = FactValueReader.Read(context, map.Optional("facts"), catalog.Facts);
        var documents = map.List("documents", node => HeldDocumentReader.Read(context, node, references));
        map.Finish();
        references.Check(context.Diagnostics, catalog.Documents.ContainsKey, new HashSet<string>());
        if (context.Diagnostics.HasErrors)
        {
            return (null, null);
        }

        var given = facts.ToDictionary(f => f.Fact.Path, f => f.Value, StringComparer.Ordinal);
        return bundle is not null
            ? (null, new BundlePrecheckRequest { BundleCode = bundle, AsOf = asOf, WindowId = window, Facts = given, Documents = documents, LeftOut = leftOut })
            : procedure is null
                ? (null, null)
                : (new PrecheckRequest { ProcedureCode = procedure, AsOf = asOf, WindowId = window, Facts = given, Documents = documents }, null);
    }

    /// <summary>
    /// Reads documents handed in on their own, <c>{documents: [...]}</c>: each item as an application's, with the same
    /// checks, and none issued after <paramref name="handedInOn"/>. Null when any error was found.
    /// </summary>
    public static List<HeldDocument>? ReadDocuments(FileContext context, YNode? root, ProcedureCatalog catalog, DateOnly handedInOn)
    {
        var references = Declared(catalog);
        var map = context.Mapping(root ?? CatalogInfoReader.EmptyAt(), "set of documents");
        if (map is null)
        {
            return null;
        }

        var documents = map.List("documents", node => HeldDocumentReader.Read(context, node, references, handedInOn), required: true);
        map.Finish();
        references.Check(context.Diagnostics, catalog.Documents.ContainsKey, new HashSet<string>());
        return context.Diagnostics.HasErrors ? null : documents;
    }

    /// <summary><c>left_out</c> (in an application or a test case): optional members of the bundle the applicant does not want.</summary>
    public static List<string> ReadLeftOut(FileContext context, MappingReader map, string? bundleCode, Func<string, Bundle?> bundles, string what = "application")
    {
        if (map.Optional("left_out") is not { } node)
        {
            return [];
        }

        if (bundleCode is null)
        {
            if (map.Optional("bundle") is null)
            {
                context.Error(DiagnosticCodes.InvalidValue, node, $"'left_out' names optional members of a bundle, but this {what} names a procedure. Remove it, or name the 'bundle'.");
            }

            return [];
        }

        var bundle = bundles(bundleCode);
        var result = new List<string>();
        foreach (var item in context.Sequence(node, "member procedure codes"))
        {
            if (context.String(item, "procedure code") is not { } code || bundle is null)
            {
                continue;
            }

            var member = bundle.Members.FirstOrDefault(m => m.ProcedureCode == code);
            if (member is null)
            {
                context.Error(DiagnosticCodes.UnknownReference, item,
                    $"{code} is not a member of bundle {bundleCode}.{Suggestions.DidYouMean(code, bundle.Members.Where(m => m.Optional).Select(m => m.ProcedureCode))}");
            }
            else if (!member.Optional)
            {
                context.Error(DiagnosticCodes.InvalidValue, item,
                    $"{code} is not an optional member of bundle {bundleCode}, so it cannot be left out.{OptionalMembers(bundle)}");
            }
            else
            {
                result.Add(code);
            }
        }

        return result;
    }

    private static string OptionalMembers(Bundle bundle) =>
        bundle.Members.Where(m => m.Optional).Select(m => m.ProcedureCode).ToList() is { Count: > 0 } optional
            ? $" Its optional members: {string.Join(", ", optional)}."
            : " It has no optional members.";

    // The catalogue's ids, so that references in the file are checked (with suggestions) like the catalogue's own.
    private static References Declared(ProcedureCatalog catalog)
    {
        var references = new References();
        var ignored = new DiagnosticBag();
        foreach (var procedure in catalog.Procedures.Values)
        {
            references.Declare("procedure", procedure.Code, procedure.Location, ignored);
        }

        foreach (var bundle in catalog.Bundles.Values)
        {
            references.Declare("bundle", bundle.Code, bundle.Location, ignored);
        }

        foreach (var party in catalog.Parties.Values)
        {
            references.Declare("party", party.Id, party.Location, ignored);
        }

        foreach (var window in catalog.Windows.Values)
        {
            references.Declare("window", window.Id, window.Location, ignored);
        }

        foreach (var document in catalog.Documents.Values)
        {
            references.Declare("document", document.Id, document.Location, ignored);
            foreach (var version in document.FormVersions)
            {
                references.Declare("form version", version.Version, version.Location, ignored, scope: document.Id);
            }
        }

        return references;
    }
}
