using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>Reads an application file: the procedure, as-of date, window, facts and held documents.</summary>
internal static class ApplicationReader
{
    public static PrecheckRequest? Read(FileContext context, YNode? root, ProcedureCatalog catalog)
    {
        var references = Declared(catalog);
        var map = context.Mapping(root ?? CatalogInfoReader.EmptyAt(), "application");
        if (map is null)
        {
            return null;
        }

        var procedure = map.Reference("procedure", "procedure", references, required: true);
        var asOf = map.Date("as_of");
        var window = map.Reference("window", "window", references);
        var facts = FactValueReader.Read(context, map.Optional("facts"), catalog.Facts);
        var documents = map.List("documents", node => HeldDocumentReader.Read(context, node, references));
        map.Finish();
        references.Check(context.Diagnostics, catalog.Documents.ContainsKey, new HashSet<string>());
        return procedure is null || context.Diagnostics.HasErrors
            ? null
            : new PrecheckRequest
            {
                ProcedureCode = procedure,
                AsOf = asOf,
                WindowId = window,
                Facts = facts.ToDictionary(f => f.Fact.Path, f => f.Value, StringComparer.Ordinal),
                Documents = documents,
            };
    }

    // The catalogue's ids, so that references in the file are checked (with suggestions) like the catalogue's own.
    private static References Declared(ProcedureCatalog catalog)
    {
        var references = new References();
        var ignored = new DiagnosticBag();
        foreach (var procedure in catalog.Procedures.Values)
        {
            references.Declare("procedure", procedure.Code, procedure.Location, ignored);
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
