using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Hosting;

/// <summary>Settings of OneVisit in a host: where the catalogue is and how prechecks run.</summary>
public sealed class OneVisitOptions
{
    /// <summary>The catalogue folder (the one holding <c>catalog.yaml</c>); set by <see cref="OneVisitBuilderExtensions.AddCatalog"/>.</summary>
    public string? CatalogPath { get; set; }

    /// <summary>Rule-set cache, compiler and working calendar of the precheck engine.</summary>
    public PrecheckOptions Precheck { get; } = new();
}
