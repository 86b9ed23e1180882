using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneVisit.Web.Hosting;

namespace OneVisit.Web.Pages.Internal;

/// <summary>
/// The document around every page: language, title, the one stylesheet, the site header with the language switch.
/// No scripts: every page works without JavaScript, and forms post back to the server.
/// </summary>
internal static class Layout
{
    // Only the stylesheet may load (the host's own, when it restyles from another origin), forms may only post back
    // here, and nothing may frame the page.
    private static string Policy(string? stylesheet) =>
        $"default-src 'none'; style-src 'self'{(stylesheet is not null && Uri.TryCreate(stylesheet, UriKind.Absolute, out var uri) ? " " + uri.GetLeftPart(UriPartial.Authority) : "")}; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IResult Page(HttpContext http, PageContext page, string title, Action<Html> body, int status = StatusCodes.Status200OK)
    {
        var words = page.Words;
        var stylesheet = http.RequestServices.GetRequiredService<IOptions<OneVisitWebOptions>>().Value.Stylesheet;
        var html = new Html().Raw("<!DOCTYPE html>")
            .Open("html", ("lang", words.English ? "en" : "zh-CN"))
            .Open("head")
            .Void("meta", ("charset", "utf-8"))
            .Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Element("title", $"{title} · {words.Site}")
            .Void("link", ("rel", "stylesheet"), ("href", stylesheet ?? page.Prefix + "/onevisit.css"))
            .Close("head")
            .Open("body")
            .Open("header", ("class", "site"))
            .Element("a", words.Site, ("class", "brand"), ("href", page.Link("/check")))
            .Open("nav", ("aria-label", words.LanguageLabel))
            .Element("a", words.OtherLanguage, ("href", page.OtherLanguage), ("lang", words.English ? "zh-CN" : "en"), ("hreflang", words.English ? "zh-CN" : "en"))
            .Close("nav")
            .Close("header")
            .Open("main");
        body(html);
        html.Close("main").Close("body").Close("html");

        Web.Internal.SecurityHeaders.Apply(http.Response.Headers, Policy(stylesheet));
        return Results.Content(html.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>A page that only says something (a refusal, an expired form): its title as the heading, then <paramref name="detail"/>, then <paramref name="more"/>.</summary>
    public static IResult Message(HttpContext http, PageContext page, string title, string detail, int status, Action<Html>? more = null) =>
        Page(http, page, title, html =>
        {
            html.Element("h1", title).Element("p", detail);
            more?.Invoke(html);
        }, status);
}

/// <summary>Where a page is (the prefix OneVisit is mapped under, its own path) and in which language.</summary>
internal sealed record PageContext(string Prefix, string Path, Words Words)
{
    public static PageContext Of(HttpContext http, string prefix)
    {
        var words = Words.For(http.Request.Query["lang"]);
        return new PageContext(http.Request.PathBase + prefix, http.Request.PathBase + http.Request.Path, words);
    }

    /// <summary>A link to <paramref name="path"/> under the prefix, in this page's language.</summary>
    public string Link(string path) => Prefix + path + Words.Query;

    /// <summary>This page in the other language.</summary>
    public string OtherLanguage => Words.English ? Path : Path + "?lang=en";
}
