using Microsoft.AspNetCore.Http;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;

namespace OneVisit.Web.Api.Internal;

/// <summary>
/// Reads a request body as an application document: the keys of an application file (docs/precheck.md) in JSON,
/// or YAML, checked against the catalogue by the same reader as <c>onevisit precheck</c>, so a mistake is reported at
/// its line and column with the same words.
/// </summary>
internal static class ApplicationBody
{
    public const string SourceName = "request body";

    public static async Task<ApplicationFileResult> ReadAsync(HttpRequest request, ProcedureCatalog catalog, CancellationToken cancellationToken)
    {
        var text = await RequestText.ReadAsync(request, cancellationToken);
        var application = ApplicationFile.Parse(text, SourceName, catalog);
        return application.Succeeded ? application : throw new DocumentException(application.Diagnostics);
    }
}
