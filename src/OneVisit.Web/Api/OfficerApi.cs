using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Json;
using OneVisit.Web.Api.Internal;
using OneVisit.Web.Cases;
using OneVisit.Web.Hosting;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Json;

namespace OneVisit.Web.Api;

/// <summary>
/// The officer's side: the inbox of the authorities the signed-in officer holds, and the decision. An officer of
/// another authority gets nothing: the library lists only their own authorities' cases and refuses the rest, which
/// this API answers as "no such case".
/// </summary>
internal static class OfficerApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/inbox", InboxAsync)
            .WithName("Inbox")
            .WithSummary("The open cases of the authorities the signed-in officer holds, in queues (acceptance, review, pickup), each with its promised time limit; overdue cases first, then by the day they fall due.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("/cases/{caseId}/decision", DecideAsync)
            .WithName("Decide")
            .WithSummary("Decides a case under review: {\"approved\": true} or {\"approved\": false, \"reason\": \"…\"} (a refusal states its reason).")
            .TakesDocument("{\"approved\": true} or {\"approved\": false, \"reason\": \"...\"}")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The body of a decision.</summary>
    /// <param name="Approved">Whether the application is approved.</param>
    /// <param name="Reason">Why; required for a refusal.</param>
    internal sealed record DecisionBody(bool? Approved, string? Reason);

    private static async Task<IResult> InboxAsync(HttpContext http, ProcedureCatalog catalog, ICaseService cases, TimeProvider time, IOptions<OneVisitWebOptions> options, CancellationToken cancellationToken)
    {
        var items = await Inbox.ReadAsync(cases.As(Actors.Of(http)), options.Value.InboxLimit, cancellationToken);
        var zone = catalog.TimeZone(time);
        var today = catalog.Today(time);
        return new JsonBody(json =>
        {
            json.WriteStartObject();
            json.WriteString("today", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartArray("cases");
            foreach (var item in items)
            {
                WriteItem(json, item, today, zone);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteItem(Utf8JsonWriter json, InboxItem item, DateOnly today, TimeZoneInfo zone)
    {
        var (snapshot, limit) = (item.Case, item.Limit);
        json.WriteStartObject();
        json.WriteString("caseId", snapshot.CaseId);
        json.WriteString("procedure", snapshot.ProcedureCode);
        json.WriteText("procedureName", snapshot.ProcedureName);
        json.WriteString("authority", snapshot.AuthorityId);
        json.WriteString("queue", item.Queue);
        json.WriteString("stage", CatalogWords.Of(snapshot.Stage));
        CaseJson.WriteInstant(json, "submittedAt", snapshot.SubmittedAt, zone);
        if (limit is null)
        {
            json.WriteNull("timeLimit");
        }
        else
        {
            json.WriteStartObject("timeLimit");
            json.WriteString("kind", limit.Kind);
            CaseJson.WriteInstant(json, "due", limit.Due, zone);
            json.WriteString("lastDay", limit.LastDay?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("state", CatalogWords.Of(limit.State));
            if (item.DaysLeft(today) is { } days)
            {
                json.WriteNumber("daysLeft", days);
            }
            else
            {
                json.WriteNull("daysLeft");
            }

            json.WriteEndObject();
        }

        json.WriteBoolean("overdue", item.Overdue);
        json.WriteEndObject();
    }

    private static async Task<IResult> DecideAsync(HttpContext http, string caseId, ICaseService cases, CancellationToken cancellationToken)
    {
        var actor = Actors.Of(http);
        DecisionBody? body;
        try
        {
            var text = await RequestText.ReadAsync(http.Request, cancellationToken);
            body = JsonSerializer.Deserialize<DecisionBody>(text, new JsonSerializerOptions(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"The decision is not valid JSON ({e.Message}); send {{\"approved\": true}} or {{\"approved\": false, \"reason\": \"...\"}}.");
        }

        if (body?.Approved is not { } approved)
        {
            throw new BadRequestException("Say whether the application is approved: {\"approved\": true}, or {\"approved\": false, \"reason\": \"...\"}.");
        }

        await cases.As(actor).DecideAsync(caseId, new OfficerDecision(approved, body.Reason), cancellationToken);
        http.Response.Headers.Location = $"{http.Request.PathBase}{http.Request.Path.Value![..http.Request.Path.Value!.LastIndexOf("/decision", StringComparison.Ordinal)]}";
        return TypedResults.Accepted((string?)null);
    }
}
