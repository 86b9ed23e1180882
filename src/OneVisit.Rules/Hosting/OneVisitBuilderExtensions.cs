using Microsoft.Extensions.DependencyInjection;

namespace OneVisit.Rules.Hosting;

/// <summary>Chained settings of <see cref="OneVisitBuilder"/>.</summary>
public static class OneVisitBuilderExtensions
{
    /// <summary>
    /// Uses the catalogue in <paramref name="directory"/>. It is loaded and validated once, when first needed
    /// (at the latest when the case runtime starts); a catalogue with errors stops the host with every
    /// diagnostic, positioned in its YAML.
    /// </summary>
    public static OneVisitBuilder AddCatalog(this OneVisitBuilder builder, string directory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        builder.Services.Configure<OneVisitOptions>(o => o.CatalogPath = Path.GetFullPath(directory));
        return builder;
    }
}
