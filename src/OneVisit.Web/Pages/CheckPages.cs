using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Web.Pages.Internal;

namespace OneVisit.Web.Pages;

/// <summary>
/// "Check before you start" for citizens (GOV.UK's "check a service is suitable", China's 一次性告知): choose a
/// procedure or a life event, answer one question per page — only the questions whose answers change the result, the
/// precheck's ranked open questions, never one twice — and see what to bring, what the government fetches and from
/// whom, who decides, fees, time limits and the visits with the reason for each. Anyone may use it; nothing is stored.
/// </summary>
internal static class CheckPages
{
    public static void Map(RouteGroupBuilder pages, string prefix)
    {
        pages.MapGet("/check", (HttpContext http, ProcedureCatalog catalog) => Choose(http, PageContext.Of(http, prefix), catalog));
        pages.MapGet("/check/{code}", (HttpContext http, string code, ProcedureCatalog catalog, PrecheckEngine engine, IAntiforgery antiforgery) =>
            Next(http, PageContext.Of(http, prefix), code, Answers.None(catalog.Facts), catalog, engine, antiforgery, problem: null));
        pages.MapPost("/check/{code}", AnswerAsync(prefix)).DisableAntiforgery(); // validated in the handler, whatever middleware the host has
    }

    private static IResult Choose(HttpContext http, PageContext page, ProcedureCatalog catalog)
    {
        var words = page.Words;
        return Layout.Page(http, page, words.ChooseTitle, html =>
        {
            html.Element("h1", words.ChooseTitle).Element("p", words.ChooseIntro);
            html.Element("h2", words.LifeEvents).Open("ul", ("class", "choices"));
            foreach (var bundle in catalog.Bundles.Values.OrderBy(b => b.Code, StringComparer.Ordinal))
            {
                html.Open("li").Element("a", words.Of(bundle.Name), ("href", page.Link("/check/" + Uri.EscapeDataString(bundle.Code)))).Close("li");
            }

            html.Close("ul").Element("h2", words.Procedures).Open("ul", ("class", "choices"));
            foreach (var procedure in catalog.Procedures.Values.OrderBy(p => p.Code, StringComparer.Ordinal))
            {
                html.Open("li").Element("a", words.Of(procedure.Name), ("href", page.Link("/check/" + Uri.EscapeDataString(procedure.Code)))).Close("li");
            }

            html.Close("ul");
        });
    }

    private static Func<HttpContext, string, ProcedureCatalog, PrecheckEngine, IAntiforgery, Task<IResult>> AnswerAsync(string prefix) =>
        async (http, code, catalog, engine, antiforgery) =>
        {
            var page = PageContext.Of(http, prefix);
            if (!await antiforgery.IsRequestValidAsync(http) || !http.Request.HasFormContentType)
            {
                return Problem(http, page, page.Words.BadFormTitle, page.Words.BadForm, StatusCodes.Status400BadRequest, code);
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var answers = Answers.From(form, catalog.Facts);
            string? problem = null;
            if (form["question"].ToString() is { Length: > 0 } path && catalog.Facts.Definition(path) is not null)
            {
                if (form.ContainsKey("skip"))
                {
                    answers.Skip(path);
                }
                else if (!answers.TryGive(path, form["value"], page.Words, out problem))
                {
                    // Asked again, with what was wrong: the only case a question comes back.
                    return Next(http, page, code, answers, catalog, engine, antiforgery, problem, again: path);
                }
            }

            return Next(http, page, code, answers, catalog, engine, antiforgery, problem);
        };

    // The next question the answers leave open, or the result when none does.
    private static IResult Next(HttpContext http, PageContext page, string code, Answers answers, ProcedureCatalog catalog, PrecheckEngine engine, IAntiforgery antiforgery, string? problem, string? again = null)
    {
        IReadOnlyList<OpenQuestion>? open;
        Action<Html>? result;
        try
        {
            (open, result) = Check(page, code, answers, catalog, engine, ApplyForm(http, page, code, answers, antiforgery));
        }
        catch (InvalidApplicationException e)
        {
            // The catalogue's own refusal, e.g. a procedure not in force today: said as the library says it.
            return Problem(http, page, page.Words.BadFormTitle, e.Message, StatusCodes.Status422UnprocessableEntity, code: null);
        }

        if (open is null)
        {
            return Problem(http, page, page.Words.NotFoundTitle, $"'{code}' {(page.Words.English ? "is not in this catalogue." : "不在本目录中。")}", StatusCodes.Status404NotFound, code: null);
        }

        var question = again is not null ? open.FirstOrDefault(q => q.Path == again) ?? Asked(catalog, again) : open.FirstOrDefault(q => !answers.Asked(q.Path));
        if (question is null)
        {
            return Layout.Page(http, page, page.Words.ResultTitle, result!);
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        return Layout.Page(
            http,
            page,
            page.Words.Of(question.Question),
            html => QuestionView.Write(html, page, code, question, answers, tokens, problem, number: answers.Count + 1),
            problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    // The precheck of a procedure or a bundle with the answers so far; (null, null) when the code is neither.
    private static (IReadOnlyList<OpenQuestion>? Open, Action<Html>? Result) Check(PageContext page, string code, Answers answers, ProcedureCatalog catalog, PrecheckEngine engine, Action<Html> apply)
    {
        if (catalog.Procedures.ContainsKey(code))
        {
            var checkedResult = engine.Check(new PrecheckRequest { ProcedureCode = code, Facts = answers.Facts() });
            return (checkedResult.OpenQuestions, html => ResultView.Write(html, page, checkedResult, checkedResult.Verdict == Verdict.NotEligible ? null : apply));
        }

        if (catalog.Bundles.ContainsKey(code))
        {
            var checkedBundle = engine.CheckBundle(new BundlePrecheckRequest { BundleCode = code, Facts = answers.Facts() });
            return (checkedBundle.OpenQuestions, html => ResultView.Write(html, page, checkedBundle, checkedBundle.Verdict == Verdict.NotEligible ? null : apply));
        }

        return (null, null);
    }

    // Apply with the answers given: signed-in people get the form, others are told to sign in. The submission key is
    // made now, so pressing Apply twice, or going back and pressing it again, makes one case.
    private static Action<Html> ApplyForm(HttpContext http, PageContext page, string code, Answers answers, IAntiforgery antiforgery) => html =>
    {
        var words = page.Words;
        html.Element("h2", words.Apply);
        if (http.User.Identity?.IsAuthenticated != true)
        {
            html.Element("p", words.SignInToApply);
            return;
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        html.Element("p", words.ApplyIntro)
            .Open("form", ("method", "post"), ("action", page.Link("/apply/" + Uri.EscapeDataString(code))))
            .Void("input", ("type", "hidden"), ("name", tokens.FormFieldName), ("value", tokens.RequestToken))
            .Void("input", ("type", "hidden"), ("name", "submission"), ("value", Guid.NewGuid().ToString("N")));
        answers.WriteHidden(html);
        html.Open("div", ("class", "actions")).Element("button", words.Apply, ("type", "submit")).Close("div").Close("form");
    };

    private static OpenQuestion Asked(ProcedureCatalog catalog, string path) => new(catalog.Facts.Definition(path)!, 0, []);

    private static IResult Problem(HttpContext http, PageContext page, string title, string detail, int status, string? code) =>
        Layout.Message(http, page, title, detail, status, html =>
            html.Element("a", page.Words.StartAgain, ("href", page.Link(code is null ? "/check" : "/check/" + Uri.EscapeDataString(code)))));
}
