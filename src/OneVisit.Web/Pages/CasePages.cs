using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Web.Api.Internal;
using OneVisit.Web.Cases;
using OneVisit.Web.Hosting;
using OneVisit.Web.Pages.Internal;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;

namespace OneVisit.Web.Pages;

/// <summary>
/// Signed-in pages: the citizen applies from the check's result and follows the case, and sees who looked at their
/// data; the officer works from the inbox of the authorities they hold and decides. Who someone is comes from the
/// host's sign-in only; a case they may not see is answered as one that does not exist.
/// </summary>
internal static class CasePages
{
    public static void Map(RouteGroupBuilder pages, string prefix)
    {
        pages.MapPost("/apply/{code}", (HttpContext http, string code, ProcedureCatalog catalog, ICaseService cases, IBundleCaseService bundles, IAntiforgery antiforgery) =>
            Guard(http, prefix, antiforgery, post: true, actor => ApplyAsync(http, PageContext.Of(http, prefix), actor, code, catalog, cases, bundles))).DisableAntiforgery();
        pages.MapGet("/cases/{caseId}", (HttpContext http, string caseId, ProcedureCatalog catalog, ICaseService cases, TimeProvider time, IAntiforgery antiforgery) =>
            Guard(http, prefix, antiforgery, post: false, actor => CaseAsync(http, PageContext.Of(http, prefix), actor, caseId, catalog, cases, time)));
        pages.MapGet("/bundle-cases/{bundleCaseId}", (HttpContext http, string bundleCaseId, ProcedureCatalog catalog, IBundleCaseService bundles, IAntiforgery antiforgery) =>
            Guard(http, prefix, antiforgery, post: false, actor => BundleCaseAsync(http, PageContext.Of(http, prefix), actor, bundleCaseId, catalog, bundles)));
        pages.MapGet("/me/data-access", (HttpContext http, ProcedureCatalog catalog, IAuditLog audit, TimeProvider time, IAntiforgery antiforgery) =>
            Guard(http, prefix, antiforgery, post: false, actor => WhoLookedAsync(http, PageContext.Of(http, prefix), actor, catalog, audit, time)));
        pages.MapGet("/officer", (HttpContext http, ProcedureCatalog catalog, ICaseService cases, TimeProvider time, IOptions<OneVisitWebOptions> options, IAntiforgery antiforgery) =>
            Guard(http, prefix, antiforgery, post: false, actor => InboxAsync(http, PageContext.Of(http, prefix), actor, catalog, cases, time, options.Value.InboxLimit)));
        pages.MapGet("/officer/cases/{caseId}", (HttpContext http, string caseId, ProcedureCatalog catalog, ICaseService cases, IAuditLog audit, TimeProvider time, IAntiforgery antiforgery) =>
            Guard(http, prefix, antiforgery, post: false, actor => OfficerCaseAsync(http, PageContext.Of(http, prefix), actor, caseId, catalog, cases, audit, time, antiforgery)));
        pages.MapPost("/officer/cases/{caseId}/decision", (HttpContext http, string caseId, ICaseService cases, IAntiforgery antiforgery) =>
            Guard(http, prefix, antiforgery, post: true, actor => DecideAsync(http, PageContext.Of(http, prefix), actor, caseId, cases))).DisableAntiforgery();
    }

    // Sign-in first (the host's challenge: its sign-in page), the form's antiforgery token on a post, and the library's
    // refusals as pages: a case one may not see is "no such case", a refusal says what the library said.
    private static async Task<IResult> Guard(HttpContext http, string prefix, IAntiforgery antiforgery, bool post, Func<CaseActor, Task<IResult>> page)
    {
        var context = PageContext.Of(http, prefix);
        CaseActor actor;
        try
        {
            actor = Actors.Of(http);
        }
        catch (SignInRequiredException e)
        {
            return http.User.Identity?.IsAuthenticated == true ? Message(http, context, context.Words.BadFormTitle, e.Message, StatusCodes.Status403Forbidden) : Results.Challenge();
        }

        if (post && (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http)))
        {
            return Message(http, context, context.Words.BadFormTitle, context.Words.BadForm, StatusCodes.Status400BadRequest);
        }

        try
        {
            return await page(actor);
        }
        catch (Exception e) when (e is AccessDeniedException { CaseId.Length: > 0 } or CaseNotFoundException)
        {
            return Message(http, context, context.Words.NotFoundTitle, context.Words.NoSuchCase, StatusCodes.Status404NotFound);
        }
        catch (Exception e) when (e is CaseException or InvalidApplicationException)
        {
            return Message(http, context, context.Words.BadFormTitle, e.Message, StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> ApplyAsync(HttpContext http, PageContext page, CaseActor actor, string code, ProcedureCatalog catalog, ICaseService cases, IBundleCaseService bundles)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var answers = Answers.From(form, catalog.Facts);
        // Made when the result page was shown: pressing Apply twice, or going back and pressing it again, is one case.
        var key = form["submission"].ToString();
        if (key.Length is 0 or > 64 || !(catalog.Procedures.ContainsKey(code) || catalog.Bundles.ContainsKey(code)))
        {
            return Message(http, page, page.Words.BadFormTitle, page.Words.BadForm, StatusCodes.Status400BadRequest);
        }

        // A life event is one application too: one bundle case whose members start as their inputs exist.
        if (catalog.Bundles.ContainsKey(code))
        {
            var bundle = await bundles.As(actor).SubmitAsync(new BundleSubmission
            {
                IdempotencyKey = "web:" + key,
                Application = new BundlePrecheckRequest { BundleCode = code, Facts = answers.Facts() },
            }, http.RequestAborted);
            return Results.Redirect(page.Link("/bundle-cases/" + Uri.EscapeDataString(bundle.BundleCaseId)), permanent: false, preserveMethod: false);
        }

        var snapshot = await cases.As(actor).SubmitAsync(new CaseSubmission
        {
            IdempotencyKey = "web:" + key,
            Application = new PrecheckRequest { ProcedureCode = code, Facts = answers.Facts() },
        }, http.RequestAborted);
        return Results.Redirect(page.Link("/cases/" + Uri.EscapeDataString(snapshot.CaseId)), permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> CaseAsync(HttpContext http, PageContext page, CaseActor actor, string caseId, ProcedureCatalog catalog, ICaseService cases, TimeProvider time)
    {
        var snapshot = await cases.As(actor).GetAsync(caseId, http.RequestAborted);
        var words = page.Words;
        var zone = catalog.TimeZone(time);
        return Layout.Page(http, page, words.CaseTitle, html =>
        {
            html.Element("span", words.Of(snapshot.ProcedureName), ("class", "caption")).Element("h1", words.CaseTitle);
            CaseSummary(html, words, snapshot, catalog, zone);
            html.Open("p").Element("a", words.WhoLookedTitle, ("href", page.Link("/me/data-access"))).Close("p");
        });
    }

    // The task list of a life event: each member done, to do, or cannot start yet and what it waits for.
    private static async Task<IResult> BundleCaseAsync(HttpContext http, PageContext page, CaseActor actor, string bundleCaseId, ProcedureCatalog catalog, IBundleCaseService bundles)
    {
        var bundle = await bundles.As(actor).GetAsync(bundleCaseId, http.RequestAborted);
        var words = page.Words;
        return Layout.Page(http, page, words.BundleCaseTitle, html =>
        {
            html.Element("span", words.Of(bundle.BundleName), ("class", "caption")).Element("h1", words.BundleCaseTitle);
            html.Open("dl", ("class", "case"))
                .Element("dt", words.Stage).Element("dd", words.StageOf(CatalogWords.Of(bundle.Stage)))
                .Element("dt", words.TripsMade).Element("dd", $"{bundle.VisitsMade} / {bundle.PredictedVisits} ({words.NaiveSum}: {bundle.NaiveVisits})")
                .Close("dl");
            html.Element("h2", words.Tasks).Open("ul", ("class", "tasks"));
            foreach (var member in bundle.Members)
            {
                var state = CatalogWords.Of(member.State);
                html.Open("li", ("class", "task task-" + state));
                if (member.CaseId is { } caseId)
                {
                    html.Element("a", words.Of(member.ProcedureName), ("href", page.Link("/cases/" + Uri.EscapeDataString(caseId))));
                }
                else
                {
                    html.Element("span", words.Of(member.ProcedureName));
                }

                html.Element("strong", words.MemberState(state), ("class", "state"));
                if (member.WaitsFor.Count > 0)
                {
                    html.Element("span", $"{words.WaitsFor}: {string.Join("; ", member.WaitsFor)}", ("class", "why"));
                }
                else if (member.CaseStage is { } stage && member.AuthorityId is { } authority)
                {
                    // Where its own case stands, and which office has it.
                    var office = catalog.Authorities.TryGetValue(authority, out var found) ? words.Of(found.Name) : authority;
                    html.Element("span", $"{words.StageOf(CatalogWords.Of(stage))} · {office}", ("class", "why"));
                }
                else if (member.Why is { } why)
                {
                    html.Element("span", why, ("class", "why"));
                }

                html.Close("li");
            }

            html.Close("ul");
        });
    }

    private static async Task<IResult> WhoLookedAsync(HttpContext http, PageContext page, CaseActor actor, ProcedureCatalog catalog, IAuditLog audit, TimeProvider time)
    {
        var subject = Actors.SubjectOf(actor);
        var reads = await audit.As(actor).WhoLookedAsync(subject, http.RequestAborted);
        var zone = catalog.TimeZone(time);
        var words = page.Words;
        return Layout.Page(http, page, words.WhoLookedTitle, html =>
        {
            html.Element("h1", words.WhoLookedTitle);
            if (reads.Count == 0)
            {
                html.Element("p", words.NoOneLooked);
                return;
            }

            html.Open("ul", ("class", "reads"));
            foreach (var read in reads)
            {
                html.Element("li", $"{Time(read.At, zone)} · {read.Who} · {read.CaseId} · {read.What} · {read.Why}");
            }

            html.Close("ul");
        });
    }

    private static async Task<IResult> InboxAsync(HttpContext http, PageContext page, CaseActor actor, ProcedureCatalog catalog, ICaseService cases, TimeProvider time, int limit)
    {
        var items = await Inbox.ReadAsync(cases.As(actor), limit, http.RequestAborted);
        var today = catalog.Today(time);
        var words = page.Words;
        return Layout.Page(http, page, words.InboxTitle, html =>
        {
            html.Element("h1", words.InboxTitle);
            if (items.Count == 0)
            {
                html.Element("p", words.InboxEmpty);
                return;
            }

            foreach (var queue in items.GroupBy(i => i.Queue))
            {
                html.Element("h2", words.Queue(queue.Key)).Open("ul", ("class", "inbox"));
                foreach (var item in queue)
                {
                    html.Open("li", ("class", item.Overdue ? "overdue" : null))
                        .Element("a", $"{words.Of(item.Case.ProcedureName)} · {item.Case.CaseId}", ("href", page.Link("/officer/cases/" + Uri.EscapeDataString(item.Case.CaseId))))
                        .Text(" — ")
                        .Element("strong", words.DaysLeft(item.DaysLeft(today), item.Overdue))
                        .Close("li");
                }

                html.Close("ul");
            }
        });
    }

    private static async Task<IResult> OfficerCaseAsync(HttpContext http, PageContext page, CaseActor actor, string caseId, ProcedureCatalog catalog, ICaseService cases, IAuditLog audit, TimeProvider time, IAntiforgery antiforgery)
    {
        var snapshot = await cases.As(actor).GetAsync(caseId, http.RequestAborted);
        var trail = await audit.As(actor).ForCaseAsync(caseId, http.RequestAborted);
        var zone = catalog.TimeZone(time);
        var words = page.Words;
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Layout.Page(http, page, snapshot.CaseId, html =>
        {
            html.Element("span", words.Of(snapshot.ProcedureName), ("class", "caption")).Element("h1", snapshot.CaseId);
            CaseSummary(html, words, snapshot, catalog, zone);
            if (snapshot.Stage == CaseStage.UnderReview)
            {
                html.Element("h2", words.Decide)
                    .Open("form", ("method", "post"), ("action", page.Link($"/officer/cases/{Uri.EscapeDataString(caseId)}/decision")))
                    .Void("input", ("type", "hidden"), ("name", tokens.FormFieldName), ("value", tokens.RequestToken))
                    .Element("label", words.ReasonLabel, ("for", "reason"))
                    .Void("input", ("type", "text"), ("name", "reason"), ("id", "reason"), ("maxlength", "500"))
                    .Open("div", ("class", "actions"))
                    .Element("button", words.Approve, ("type", "submit"), ("name", "approved"), ("value", "true"))
                    .Element("button", words.Refuse, ("type", "submit"), ("name", "approved"), ("value", "false"), ("class", "secondary"))
                    .Close("div")
                    .Close("form");
            }

            html.Element("h2", words.Audit).Open("ol", ("class", "audit"));
            foreach (var entry in trail)
            {
                html.Element("li", $"{Time(entry.At, zone)} · {entry.Actor} · {entry.Action}");
            }

            html.Close("ol");
        });
    }

    private static async Task<IResult> DecideAsync(HttpContext http, PageContext page, CaseActor actor, string caseId, ICaseService cases)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form["approved"].ToString() is not ("true" or "false") || form["reason"].ToString().Length > 500)
        {
            return Message(http, page, page.Words.BadFormTitle, page.Words.BadForm, StatusCodes.Status400BadRequest);
        }

        var reason = form["reason"].ToString().Trim();
        await cases.As(actor).DecideAsync(caseId, new OfficerDecision(form["approved"] == "true", reason.Length == 0 ? null : reason), http.RequestAborted);
        return Results.Redirect(page.Link("/officer/cases/" + Uri.EscapeDataString(caseId)), permanent: false, preserveMethod: false);
    }

    // What a case page shows either side of the counter: stage, what it waits for, the evidence fetched, the decision.
    private static void CaseSummary(Html html, Words words, CaseSnapshot snapshot, ProcedureCatalog catalog, TimeZoneInfo zone)
    {
        html.Open("dl", ("class", "case"))
            .Element("dt", words.Stage).Element("dd", words.StageOf(CatalogWords.Of(snapshot.Stage)))
            .Element("dt", words.WhoDecides).Element("dd", catalog.Authorities.TryGetValue(snapshot.AuthorityId, out var authority) ? words.Of(authority.Name) : snapshot.AuthorityId);
        if (snapshot.Decision is { } decision)
        {
            html.Element("dt", words.Outcome).Element("dd", (decision.Approved ? words.Approved : words.Refused) + (decision.Reason is { } why ? " — " + why : ""));
        }

        html.Close("dl");
        if (snapshot.Awaiting.Count > 0)
        {
            html.Element("h2", words.WaitingFor).Open("ul");
            foreach (var item in snapshot.Awaiting)
            {
                html.Element("li", item.What + (item.Due is { } due ? $" ({Time(due, zone)})" : ""));
            }

            html.Close("ul");
        }

        if (snapshot.Evidence.Count > 0)
        {
            html.Element("h2", words.Evidence).Open("ul");
            foreach (var evidence in snapshot.Evidence)
            {
                html.Element("li", $"{evidence.DocumentName ?? evidence.DocumentId} · {evidence.DepartmentId} · {evidence.State}");
            }

            html.Close("ul");
        }

        html.Element("h2", words.Visits).Element("p", $"{snapshot.VisitsMade} / {snapshot.PredictedVisits}");
    }

    private static string Time(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static IResult Message(HttpContext http, PageContext page, string title, string detail, int status) =>
        Layout.Message(http, page, title, detail, status);
}
