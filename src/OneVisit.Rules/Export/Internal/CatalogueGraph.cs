using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Export.Internal;

/// <summary>Builds the whole graph of one catalogue: every procedure, then every bundle, each in code order.</summary>
internal static class CatalogueGraph
{
    public static LdGraph Build(ProcedureCatalog catalog, CpsvApOptions options)
    {
        var session = new ExportSession(catalog, options);
        foreach (var procedure in session.Procedures)
        {
            ServiceNodes.Add(session, procedure);
        }

        // After every service exists, since an event links its members back to itself.
        foreach (var bundle in session.Bundles)
        {
            EventNodes.Add(session, bundle);
        }

        return session.Graph;
    }
}
