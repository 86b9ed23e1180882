using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Precheck.Internal;

namespace OneVisit.Rules.Hosting;

/// <summary>
/// Settings of OneVisit in a host: where the catalogue is and how prechecks run. Configuration section
/// <c>OneVisit</c> by convention (see <c>AddOneVisit(IConfigurationSection)</c>); validated when the host starts.
/// </summary>
public sealed class OneVisitOptions
{
    /// <summary>
    /// The catalogue folder (the one holding <c>catalog.yaml</c>); set by <see cref="OneVisitBuilderExtensions.AddCatalog"/>
    /// or the <c>CatalogPath</c> key. Required.
    /// </summary>
    [Required(ErrorMessage = "OneVisit has no catalogue: call AddOneVisit(...).AddCatalog(\"path/to/catalog\"), or set CatalogPath in the section given to AddOneVisit.")]
    public string? CatalogPath { get; set; }

    /// <summary>Rule-set cache, compiler and working calendar of the precheck engine (section <c>OneVisit:Precheck</c>).</summary>
    [ValidateObjectMembers(typeof(PrecheckOptionsValidator))]
    public PrecheckOptions Precheck { get; } = new();
}
