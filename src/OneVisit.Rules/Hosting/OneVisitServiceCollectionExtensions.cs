using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Hosting;

/// <summary>The one entry point that adds OneVisit to a host's services.</summary>
public static class OneVisitServiceCollectionExtensions
{
    /// <summary>
    /// Adds OneVisit: the catalogue (see <see cref="OneVisitBuilderExtensions.AddCatalog"/>) and the precheck
    /// engine as singletons, and <see cref="TimeProvider.System"/> unless the host registered its own clock.
    /// Calling it again adds nothing twice; <paramref name="configure"/> runs each time, in order.
    /// </summary>
    public static OneVisitBuilder AddOneVisit(this IServiceCollection services, Action<OneVisitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<OneVisitOptions>().Validate(
            o => !string.IsNullOrWhiteSpace(o.CatalogPath),
            "OneVisit has no catalogue: call AddOneVisit(...).AddCatalog(\"path/to/catalog\").");
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(LoadCatalog);
        services.TryAddSingleton(sp => new PrecheckEngine(
            sp.GetRequiredService<ProcedureCatalog>(),
            sp.GetRequiredService<IOptions<OneVisitOptions>>().Value.Precheck,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<PrecheckEngine>>() ?? NullLogger<PrecheckEngine>.Instance));
        return new OneVisitBuilder(services);
    }

    private static ProcedureCatalog LoadCatalog(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<OneVisitOptions>>().Value;
        var result = CatalogLoader.Load(options.CatalogPath!);
        return result.Catalog ?? throw new CatalogException(result.Directory, result.Diagnostics);
    }
}
