using Microsoft.AspNetCore.Http;

namespace OneVisit.Web.Internal;

/// <summary>
/// The headers every OneVisit response carries, whatever the host sets: answers hold personal data, so nothing is
/// cached or framed, and nothing is sniffed into something else.
/// </summary>
internal static class SecurityHeaders
{
    public static ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        return next(context);
    }
}
