using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneVisit.Rules.Hosting;
using OneVisit.Web.Api;
using OneVisit.Web.Api.Internal;
using OneVisit.Web.Hosting.Internal;
using OneVisit.Web.Internal;
using OneVisit.Web.Pages;

namespace OneVisit.Web.Hosting;

/// <summary>Adds OneVisit's HTTP surface to a host's services, and maps it into any ASP.NET Core app.</summary>
public static class OneVisitWebExtensions
{
    /// <summary>The name of OneVisit's OpenAPI document, and the group name its endpoints carry.</summary>
    public const string DocumentName = "onevisit";

    /// <summary>
    /// Adds what <see cref="MapOneVisit"/> needs: its options (validated when the host starts), problem details, the
    /// OpenAPI document <see cref="DocumentName"/> and the submission limiter. Identity is the host's: sign people in
    /// with any authentication scheme whose principal carries OneVisit's claims (<c>CaseActorClaims</c>).
    /// </summary>
    public static OneVisitBuilder AddWeb(this OneVisitBuilder builder, Action<OneVisitWebOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<OneVisitWebOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OneVisitWebOptions>, OneVisitWebOptionsValidator>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddProblemDetails();
        services.AddAntiforgery();
        services.TryAddSingleton<SubmissionLimiter>();
        services.AddOpenApi(DocumentName, options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OneVisit";
            document.Info.Description = "Check a government procedure before you start, apply, follow the case; officers' inbox and decisions. Errors are RFC 9457 problem details. See docs/web.md.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>
    /// Maps OneVisit under <paramref name="prefix"/>: the JSON API under <c>{prefix}/api</c> and its OpenAPI document at
    /// <c>{prefix}/openapi/onevisit.json</c>. Works in a minimal-API, MVC or Razor Pages host alike. Returns the group,
    /// so the host can add its own conventions (authorization policies, CORS, its own rate limiter).
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="AddWeb"/> was not called.</exception>
    public static RouteGroupBuilder MapOneVisit(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string prefix = "/onevisit")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        if (endpoints.ServiceProvider.GetService<SubmissionLimiter>() is null)
        {
            throw new InvalidOperationException("MapOneVisit needs OneVisit's web services: call services.AddOneVisit().AddWeb() (with AddWorkflows for cases) before building the app.");
        }

        var group = endpoints.MapGroup(prefix);
        var api = group.MapGroup("/api")
            .WithGroupName(DocumentName)
            .WithTags("OneVisit")
            .AddEndpointFilter(SecurityHeaders.Filter)
            .AddEndpointFilter(CrossSiteGuard.Filter)
            .AddEndpointFilter(Problems.Filter);
        CatalogueApi.Map(api);
        PrecheckApi.Map(api);
        CaseApi.Map(api);
        OfficerApi.Map(api);
        group.MapOpenApi("/openapi/{documentName}.json");

        // Server-rendered pages: no JavaScript, forms posting back, antiforgery checked in each handler.
        var pages = group.MapGroup("").ExcludeFromDescription();
        StylesheetEndpoint.Map(pages);
        CheckPages.Map(pages, prefix);
        CasePages.Map(pages, prefix);
        return group;
    }
}
