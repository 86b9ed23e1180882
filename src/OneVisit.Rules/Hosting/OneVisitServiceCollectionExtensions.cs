using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Hosting.Internal;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Hosting;

/// <summary>The one entry point that adds OneVisit to a host's services.</summary>
public static class OneVisitServiceCollectionExtensions
{
    /// <summary>
    /// Adds OneVisit: the catalogue (see <see cref="OneVisitBuilderExtensions.AddCatalog"/>) and the precheck
    /// engine as singletons, and <see cref="TimeProvider.System"/> unless the host registered its own clock.
    /// Calling it again adds nothing twice. The options are validated when a generic host starts, or when
    /// <c>CaseRuntime.StartAsync</c> runs without one.
    /// </summary>
    public static OneVisitBuilder AddOneVisit(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        ConfigurationPathValidator<OneVisitOptions>.AddOnce<OneVisitOptionsValidator>(services);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(LoadCatalog);
        services.TryAddSingleton(sp => new PrecheckEngine(
            sp.GetRequiredService<ProcedureCatalog>(),
            sp.GetRequiredService<IOptions<OneVisitOptions>>().Value.Precheck,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<PrecheckEngine>>() ?? NullLogger<PrecheckEngine>.Instance));
        return new OneVisitBuilder(services);
    }

    /// <summary>
    /// Adds OneVisit as <see cref="AddOneVisit(IServiceCollection)"/> does, and changes its options with
    /// <paramref name="configure"/>; calling it again runs each <paramref name="configure"/> in order.
    /// </summary>
    public static OneVisitBuilder AddOneVisit(this IServiceCollection services, Action<OneVisitOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddOneVisit();
        services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds OneVisit as <see cref="AddOneVisit(IServiceCollection)"/> does, with the options
    /// bound from <paramref name="section"/> (by convention <c>configuration.GetSection("OneVisit")</c>): <c>CatalogPath</c>,
    /// and under <c>Precheck</c> the rule-set cache, the compiler and <c>Calendar:Holidays</c> and
    /// <c>Calendar:WorkedWeekendDays</c> (ISO dates). Settings made in code afterwards (<c>AddCatalog</c>, say) win.
    /// </summary>
    public static OneVisitBuilder AddOneVisit(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var builder = services.AddOneVisit();
        services.AddOptions<OneVisitOptions>()
            .Bind(section)
            .Configure(o => CalendarConfiguration.Apply(section, o.Precheck));
        ConfigurationPathValidator<OneVisitOptions>.Use<OneVisitOptionsValidator>(services, section.Path);
        return builder;
    }

    private static ProcedureCatalog LoadCatalog(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<OneVisitOptions>>().Value;
        var result = CatalogLoader.Load(options.CatalogPath!);
        return result.Catalog ?? throw new CatalogException(result.Directory, result.Diagnostics);
    }
}
