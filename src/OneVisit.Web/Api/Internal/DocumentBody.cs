using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace OneVisit.Web.Api.Internal;

/// <summary>
/// Says in the OpenAPI document that an operation takes a JSON or YAML body, without ASP.NET Core's
/// <c>Accepts</c> metadata: that would make routing refuse any other content type with an empty 415 before the
/// endpoint runs, where OneVisit answers with a problem document that says what to send (<see cref="RequestText"/>).
/// </summary>
internal static class DocumentBody
{
    public static RouteHandlerBuilder TakesDocument(this RouteHandlerBuilder builder, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new(),
                    ["application/yaml"] = new(),
                },
            };
            return Task.CompletedTask;
        });
}
