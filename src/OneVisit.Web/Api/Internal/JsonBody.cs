using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OneVisit.Rules.Json;

namespace OneVisit.Web.Api.Internal;

/// <summary>
/// A JSON response written straight to the body by OneVisit's own writers (<see cref="PrecheckJson"/>,
/// <c>CaseJson</c>): the same documents as the CLI's <c>--json</c>, never the library's records by reflection, which
/// would reach the whole catalogue.
/// </summary>
internal sealed class JsonBody(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK) : IResult
{
    // Compact on the wire; the names, words and dates are the CLI's.
    private static readonly JsonWriterOptions Options = OneVisitJson.WriterOptions with { Indented = false };

    public string? Location { get; init; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        await using (var json = new Utf8JsonWriter(response.BodyWriter, Options))
        {
            write(json);
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
