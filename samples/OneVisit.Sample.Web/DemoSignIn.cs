using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OneVisit.Workflows.Actors;

namespace OneVisit.Sample.Web;

/// <summary>
/// A demonstration sign-in, and nothing more: pick who you are from a list. A real host signs people in with the
/// government's identity provider and adds OneVisit's claims (<see cref="CaseActorClaims.ToClaims"/>) from what it
/// verified; the rest of OneVisit.Web works the same either way.
/// </summary>
internal static class DemoSignIn
{
    /// <summary>The people of the demo: a citizen, and officers of two authorities.</summary>
    public static readonly IReadOnlyDictionary<string, (string Label, CaseActor Actor)> People = new Dictionary<string, (string, CaseActor)>(StringComparer.Ordinal)
    {
        ["citizen"] = ("A citizen (demo applicant 330106-demo-0001)", CaseActor.Applicant("330106-demo-0001")),
        ["housing-fund-officer"] = ("An officer of the Hangzhou Housing Provident Fund Management Centre (intake and review)", CaseActor.Officer(
            "officer-hf-01",
            new OfficerPost("hz_housing_fund", OfficerRole.IntakeWindow),
            new OfficerPost("hz_housing_fund", OfficerRole.Reviewer))),
        ["amr-officer"] = ("An officer of the Hangzhou Administration for Market Regulation (intake and review)", CaseActor.Officer(
            "officer-amr-01",
            new OfficerPost("hz_amr", OfficerRole.IntakeWindow),
            new OfficerPost("hz_amr", OfficerRole.Reviewer))),
    };

    public static void Map(WebApplication app)
    {
        app.MapGet("/demo", Page);
        app.MapPost("/demo/sign-in", SignInAsync);
        app.MapPost("/demo/sign-out", SignOutAsync);
    }

    /// <summary>API requests get a status code; pages are sent to the sign-in page.</summary>
    public static Task RedirectUnlessApi(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/onevisit/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery)
    {
        var token = antiforgery.GetAndStoreTokens(http);
        var current = CaseActorClaims.FromPrincipal(http.User);
        var people = string.Concat(People.Select(p =>
            $"<li><button type=\"submit\" name=\"who\" value=\"{p.Key}\">{WebUtility.HtmlEncode(p.Value.Label)}</button></li>"));
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>OneVisit sample: demo sign-in</title></head>
            <body>
            <main>
            <h1>OneVisit sample host</h1>
            <p><strong>Demo sign-in: for trying OneVisit only.</strong> Anyone can be anyone here. A real host signs people in with its identity provider.</p>
            <p>Signed in as: {{WebUtility.HtmlEncode(current is null ? "no one" : $"{current.Kind} {current.Id}")}}</p>
            <form method="post" action="/demo/sign-in">
            <input type="hidden" name="{{token.FormFieldName}}" value="{{token.RequestToken}}">
            <fieldset><legend>Sign in as</legend><ul>{{people}}</ul></fieldset>
            </form>
            <form method="post" action="/demo/sign-out"><input type="hidden" name="{{token.FormFieldName}}" value="{{token.RequestToken}}"><button type="submit">Sign out</button></form>
            <h2>Try it</h2>
            <ul>
            <li><a href="/onevisit/check?lang=en">Check before you start</a> (anyone; apply once signed in as the citizen)</li>
            <li><a href="/onevisit/officer?lang=en">The officer's inbox</a> (signed in as an officer)</li>
            <li><a href="/onevisit/api/procedures">The catalogue</a> (GET /onevisit/api/procedures)</li>
            <li><a href="/onevisit/openapi/onevisit.json">The OpenAPI document</a></li>
            </ul>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery)
    {
        await antiforgery.ValidateRequestAsync(http);
        var form = await http.Request.ReadFormAsync();
        if (!People.TryGetValue(form["who"].ToString(), out var person))
        {
            return Results.BadRequest("Choose one of the demo people.");
        }

        var identity = new ClaimsIdentity(CaseActorClaims.ToClaims(person.Actor), CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.NameIdentifier, ClaimTypes.Role);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.Redirect("/demo");
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        await antiforgery.ValidateRequestAsync(http);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/demo");
    }
}
