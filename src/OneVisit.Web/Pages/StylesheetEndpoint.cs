using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OneVisit.Web.Pages;

/// <summary>
/// Serves the one stylesheet from inside the package, so the pages look right whether or not the host serves static
/// files. It holds nothing personal, so it may be cached.
/// </summary>
internal static class StylesheetEndpoint
{
    private static readonly Lazy<byte[]> Css = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("OneVisit.Web.onevisit.css")
            ?? throw new InvalidOperationException("OneVisit.Web is built without its stylesheet (onevisit.css as an embedded resource).");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    public static void Map(RouteGroupBuilder pages) =>
        pages.MapGet("/onevisit.css", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Bytes(Css.Value, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
}
