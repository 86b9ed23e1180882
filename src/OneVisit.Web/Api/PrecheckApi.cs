using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Json;
using OneVisit.Rules.Precheck;
using OneVisit.Web.Api.Internal;

namespace OneVisit.Web.Api;

/// <summary>"Check before you start": the precheck of one procedure or a whole life-event bundle, for anyone, signed in or not.</summary>
internal static class PrecheckApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/precheck", PrecheckAsync)
            .WithName("Precheck")
            .WithSummary("Prechecks an application: the verdict, what to bring, what the government fetches and from whom, who decides, fees, and the visits with the reason for each. The body is an application document (docs/precheck.md) in JSON: procedure (or bundle), as_of, window, facts, documents.")
            .TakesDocument("An application document (docs/precheck.md) in JSON or YAML.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static async Task<IResult> PrecheckAsync(HttpRequest request, ProcedureCatalog catalog, PrecheckEngine engine, CancellationToken cancellationToken)
    {
        var application = await ApplicationBody.ReadAsync(request, catalog, cancellationToken);
        // Checked here, not while writing: a refusal must reach the problem filter before the response starts.
        if (application.Request is { } single)
        {
            var result = engine.Check(single);
            return new JsonBody(json => PrecheckJson.Write(json, result));
        }

        var bundle = engine.CheckBundle(application.Bundle!);
        return new JsonBody(json => PrecheckJson.Write(json, bundle));
    }
}
