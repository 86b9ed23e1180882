using Microsoft.AspNetCore.Http;

namespace OneVisit.Web.Internal;

/// <summary>
/// The headers every OneVisit response carries, whatever the host sets: answers hold personal data, so nothing is
/// cached or framed, and nothing is sniffed into something else.
/// </summary>
internal static class SecurityHeaders
{
    // An API answer loads nothing; a page states what it may load (Pages/Internal/Layout).
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        Apply(context.HttpContext.Response.Headers, ApiPolicy);
        return next(context);
    }

    /// <summary>Sets the headers every API answer and page carries, with <paramref name="policy"/> as its content security policy.</summary>
    public static void Apply(IHeaderDictionary headers, string policy)
    {
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = policy;
    }
}
