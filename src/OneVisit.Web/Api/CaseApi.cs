using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Web.Api.Internal;
using OneVisit.Web.Internal;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Json;

namespace OneVisit.Web.Api;

/// <summary>
/// Applying and following a case, as the signed-in applicant (or their agent): submit once (an <c>Idempotency-Key</c>
/// makes a retried submission the same case), see the case, supply documents, sign a commitment, and see who looked
/// at your data. The library decides who may do what; a case you may not see is answered as one that does not exist.
/// </summary>
internal static class CaseApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>
    /// Who the application is for, when an intake officer submits it at a window for a walk-in applicant whose identity
    /// they checked (the library requires it then, and refuses it from anyone else). A header, not the URL: it is personal data.
    /// </summary>
    public const string ApplicantHeader = "OneVisit-Applicant-Id";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/cases", SubmitAsync)
            .WithName("SubmitCase")
            .WithSummary("Applies: the body is an application document, as for precheck (procedure or bundle). The Idempotency-Key header is required: the same key submitted again returns the same case, never a second one. An intake officer submitting at a window for a walk-in applicant names them in the OneVisit-Applicant-Id header. delivery=mail|pickup|e_licence chooses how the result comes, where the procedure offers it.")
            .TakesDocument("An application document (docs/precheck.md) in JSON or YAML.")
            .Produces(StatusCodes.Status201Created, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/cases", ListAsync)
            .WithName("ListCases")
            .WithSummary("The cases the signed-in person may see: an applicant's own, an agent's principal's, an officer's authorities'. open=true for open cases only.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/cases/{caseId}", GetAsync)
            .WithName("GetCase")
            .WithSummary("A case's status: stage, what it waits for, evidence requests and their answers, time limits, decision, visits predicted and made.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/bundle-cases/{bundleCaseId}", GetBundleAsync)
            .WithName("GetBundleCase")
            .WithSummary("A life-event bundle's case: each member's status (done, to do, cannot start yet and why), what passed between departments, and the trips made.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/cases/{caseId}/documents", SupplyAsync)
            .WithName("SupplyDocuments")
            .WithSummary("Supplies documents the case waits for. The body is {\"documents\": [...]}, each item as in an application's documents.")
            .TakesDocument("{\"documents\": [...]}: each item as in an application's documents, in JSON or YAML.")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/cases/{caseId}/commitments/{materialId}", SignAsync)
            .WithName("SignCommitment")
            .WithSummary("Signs the commitment (告知承诺) that replaces a material, where the procedure allows one.")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/me/data-access", WhoLookedAsync)
            .WithName("WhoLookedAtMyData")
            .WithSummary("Who read the signed-in applicant's case data, when, what and why, from the tamper-evident audit.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> SubmitAsync(
        HttpContext http,
        string? delivery,
        ProcedureCatalog catalog,
        ICaseService cases,
        IBundleCaseService bundles,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var actor = Actors.Of(http);
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new BadRequestException($"Send an {IdempotencyHeader} header: a value you make once per application (a UUID, say) and send again unchanged if you retry, so a retry never makes a second case.");
        }

        var limiter = http.RequestServices.GetRequiredService<SubmissionLimiter>();
        if (!limiter.TryAcquire(http, out var retryAfter))
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("OneVisit.Web").SubmissionLimited(retryAfter);
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Problem(StatusCodes.Status429TooManyRequests, "too-many-submissions", "Too many submissions", $"You submitted too often; try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.");
        }

        var preferred = Delivery(delivery);
        var applicant = http.Request.Headers[ApplicantHeader].ToString() is { Length: > 0 } named ? named.Trim() : null;
        var application = await ApplicationBody.ReadAsync(http.Request, catalog, cancellationToken);
        var zone = catalog.TimeZone(time);
        var prefix = http.Request.PathBase + PrefixOf(http);
        if (application.Request is { } request)
        {
            var snapshot = await cases.As(actor).SubmitAsync(new CaseSubmission { IdempotencyKey = key.Trim(), ApplicantId = applicant, Application = request, PreferredDelivery = preferred }, cancellationToken);
            return new JsonBody(json => CaseJson.WriteCase(json, snapshot, zone), StatusCodes.Status201Created) { Location = $"{prefix}/cases/{Uri.EscapeDataString(snapshot.CaseId)}" };
        }

        var bundle = await bundles.As(actor).SubmitAsync(new BundleSubmission { IdempotencyKey = key.Trim(), ApplicantId = applicant, Application = application.Bundle!, PreferredDelivery = preferred }, cancellationToken);
        return new JsonBody(json => CaseJson.WriteBundle(json, bundle, zone), StatusCodes.Status201Created) { Location = $"{prefix}/bundle-cases/{Uri.EscapeDataString(bundle.BundleCaseId)}" };
    }

    private static async Task<IResult> ListAsync(HttpContext http, bool? open, ProcedureCatalog catalog, ICaseService cases, TimeProvider time, CancellationToken cancellationToken)
    {
        var list = await cases.As(Actors.Of(http)).ListAsync(new CaseQuery(OpenOnly: open == true), cancellationToken);
        var zone = catalog.TimeZone(time);
        return new JsonBody(json => CaseJson.WriteList(json, list, zone));
    }

    private static async Task<IResult> GetAsync(HttpContext http, string caseId, ProcedureCatalog catalog, ICaseService cases, TimeProvider time, CancellationToken cancellationToken)
    {
        var snapshot = await cases.As(Actors.Of(http)).GetAsync(caseId, cancellationToken);
        var zone = catalog.TimeZone(time);
        return new JsonBody(json => CaseJson.WriteCase(json, snapshot, zone));
    }

    private static async Task<IResult> GetBundleAsync(HttpContext http, string bundleCaseId, ProcedureCatalog catalog, IBundleCaseService bundles, TimeProvider time, CancellationToken cancellationToken)
    {
        var snapshot = await bundles.As(Actors.Of(http)).GetAsync(bundleCaseId, cancellationToken);
        var zone = catalog.TimeZone(time);
        return new JsonBody(json => CaseJson.WriteBundle(json, snapshot, zone));
    }

    private static async Task<IResult> SupplyAsync(HttpContext http, string caseId, ProcedureCatalog catalog, ICaseService cases, TimeProvider time, CancellationToken cancellationToken)
    {
        var actor = Actors.Of(http);
        var text = await RequestText.ReadAsync(http.Request, cancellationToken);
        var documents = ApplicationFile.ParseDocuments(text, ApplicationBody.SourceName, catalog, catalog.Today(time));
        if (!documents.Succeeded)
        {
            throw new DocumentException(documents.Diagnostics);
        }

        await cases.As(actor).SupplyDocumentsAsync(caseId, new SuppliedDocuments(documents.Documents!), cancellationToken);
        return Accepted(http, caseId);
    }

    private static async Task<IResult> SignAsync(HttpContext http, string caseId, string materialId, ICaseService cases, CancellationToken cancellationToken)
    {
        await cases.As(Actors.Of(http)).SignCommitmentAsync(caseId, new SignedCommitment(materialId), cancellationToken);
        return Accepted(http, caseId);
    }

    private static async Task<IResult> WhoLookedAsync(HttpContext http, ProcedureCatalog catalog, IAuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var actor = Actors.Of(http);
        var subject = Actors.SubjectOf(actor);
        var reads = await audit.As(actor).WhoLookedAsync(subject, cancellationToken);
        var zone = catalog.TimeZone(time);
        return new JsonBody(json =>
        {
            json.WriteStartObject();
            json.WriteString("subject", subject);
            json.WriteStartArray("reads");
            foreach (var read in reads)
            {
                json.WriteStartObject();
                CaseJson.WriteInstant(json, "at", read.At, zone);
                json.WriteString("who", read.Who);
                json.WriteString("caseId", read.CaseId);
                json.WriteString("what", read.What);
                json.WriteString("why", read.Why);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    // The change is made by the case's workflow, which runs on; the case's page says when it has.
    private static IResult Accepted(HttpContext http, string caseId)
    {
        http.Response.Headers.Location = $"{http.Request.PathBase}{PrefixOf(http)}/cases/{Uri.EscapeDataString(caseId)}";
        return TypedResults.Accepted((string?)null);
    }

    // The API's own path up to /api, whatever prefix the host mapped OneVisit under.
    private static string PrefixOf(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var api = path.IndexOf("/api/", StringComparison.Ordinal);
        return api < 0 ? "" : path[..(api + 4)];
    }

    private static ResultDelivery? Delivery(string? word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return null;
        }

        foreach (var delivery in Enum.GetValues<ResultDelivery>())
        {
            if (CatalogWords.Of(delivery) == word)
            {
                return delivery;
            }
        }

        throw new BadRequestException($"delivery '{word}' is not a way of delivering a result; use one of: {string.Join(", ", Enum.GetValues<ResultDelivery>().Select(d => CatalogWords.Of(d)))}.");
    }
}
