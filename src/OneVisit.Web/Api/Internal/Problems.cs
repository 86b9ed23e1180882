using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Cases;
using OneVisit.Web.Internal;

namespace OneVisit.Web.Api.Internal;

/// <summary>
/// Turns what the library refuses into RFC 9457 problem details with the library's own message, so an integrator
/// reads over HTTP exactly what a C# caller reads in the exception. Nothing stored is touched by a refusal.
/// </summary>
internal static class Problems
{
    public const string TypeBase = "https://onevisit.dev/problems/";

    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (For(e, context.HttpContext) is { } problem)
        {
            return problem;
        }
    }

    /// <summary>The problem for <paramref name="e"/>, or null for a fault that is not the caller's (it propagates, logged by the host, as a 500).</summary>
    private static IResult? For(Exception e, HttpContext http) => e switch
    {
        DocumentException d => Problem(StatusCodes.Status400BadRequest, "invalid-document", "The request body has errors", d.Message, new()
        {
            ["errors"] = d.Diagnostics.Where(x => x.IsError).Select(x => new { line = x.Location.Line, column = x.Location.Column, code = x.Code, message = x.Message }).ToArray(),
        }),
        InvalidApplicationException a => Problem(StatusCodes.Status400BadRequest, "invalid-application", "The application cannot be checked", a.Message, new()
        {
            ["errors"] = a.Errors.Select(x => new { field = x.Field, message = x.Message }).ToArray(),
        }),
        BadRequestException b => Problem(b.Status, b.Status switch { StatusCodes.Status413PayloadTooLarge => "too-large", StatusCodes.Status415UnsupportedMediaType => "media-type", _ => "bad-request" }, "The request cannot be read", b.Message),
        SignInRequiredException s => Problem(s.Status, s.Status == StatusCodes.Status401Unauthorized ? "sign-in" : "identity", s.Status == StatusCodes.Status401Unauthorized ? "Sign in first" : "Your sign-in is not usable here", s.Message),
        // Whether a case exists is itself personal data: one that is not yours looks exactly like one that does not
        // exist. The library has already recorded the denied attempt in the audit.
        AccessDeniedException { CaseId.Length: > 0 } denied => Hidden(denied.CaseId, http, denied),
        AccessDeniedException denied => Problem(StatusCodes.Status403Forbidden, "forbidden", "Not allowed", denied.Message),
        CaseNotFoundException missing => NotFound(missing.CaseId),
        CasePurgedException purged => Problem(StatusCodes.Status410Gone, "purged", "The case's documents were purged", purged.Message),
        IncompleteApplicationException incomplete => Problem(StatusCodes.Status422UnprocessableEntity, "incomplete", "Answer these questions first", incomplete.Message, new() { ["questions"] = incomplete.Questions }),
        DuplicateSubmissionException duplicate => Problem(StatusCodes.Status409Conflict, "idempotency-key-reused", "That Idempotency-Key was used for another application", duplicate.Message),
        CaseClosedException or CaseConflictException or UnexpectedCaseEventException or WrongBundleMemberException => Problem(StatusCodes.Status409Conflict, "conflict", "The case is not waiting for that", e.Message),
        InvalidCaseInputException input => Problem(StatusCodes.Status400BadRequest, "invalid-input", "The request has a wrong value", input.Message),
        CaseStoreException { MayRetry: true } busy => Retry(busy, http),
        _ => null,
    };

    public static IResult NotFound(string caseId) =>
        Problem(StatusCodes.Status404NotFound, "not-found", "No such case", $"There is no case '{caseId}' that you may see.");

    private static IResult Hidden(string caseId, HttpContext http, AccessDeniedException denied)
    {
        http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("OneVisit.Web").DeniedAsNotFound(caseId, denied.Operation);
        return NotFound(caseId);
    }

    private static IResult Retry(CaseStoreException e, HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return Problem(StatusCodes.Status503ServiceUnavailable, "busy", "The case store is busy; try again", e.Message);
    }

    public static IResult Problem(int status, string type, string title, string detail, Dictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: TypeBase + type, extensions: extensions);
}

/// <summary>A request body (an application, documents) with errors at their lines and columns.</summary>
internal sealed class DocumentException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(diagnostics.Count(d => d.IsError) switch
    {
        1 => "The request body has 1 error: " + diagnostics.First(d => d.IsError).Message,
        var n => $"The request body has {n} errors; each is listed with its line and column.",
    })
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
