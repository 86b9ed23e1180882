using Microsoft.AspNetCore.Http;
using OneVisit.Web.Api.Internal;

namespace OneVisit.Web.Internal;

/// <summary>
/// Refuses a state-changing request another site's page made a browser send (cross-site request forgery). A host may
/// sign people in with a cookie, which the browser attaches to such a request on its own; the browser also says
/// where the request came from (<c>Sec-Fetch-Site</c>, <c>Origin</c>), so a request another site started is refused
/// before it reaches a case. Clients that are not browsers send neither header and are not affected.
/// </summary>
internal static class CrossSiteGuard
{
    public static ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return next(context);
        }

        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" || !SameOrigin(request))
        {
            return ValueTask.FromResult<object?>(Problems.Problem(
                StatusCodes.Status403Forbidden,
                "cross-site",
                "Refused: the request came from another site",
                "A page on another site asked your browser to send this; OneVisit does not act on such requests. Use the service's own pages or call the API from your own client."));
        }

        return next(context);
    }

    // No Origin header: not a browser's cross-origin request (or a browser too old to say, which Sec-Fetch-Site covers).
    private static bool SameOrigin(HttpRequest request) =>
        request.Headers.Origin.ToString() is not { Length: > 0 } origin
        || Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
