using Microsoft.Extensions.DependencyInjection;

namespace OneVisit.Rules.Hosting;

/// <summary>
/// Returned by <see cref="OneVisitServiceCollectionExtensions.AddOneVisit(IServiceCollection, Action{OneVisitOptions}?)"/>: chains the parts of OneVisit a
/// host uses (the catalogue, the durable cases, evidence providers) onto one service collection.
/// </summary>
public sealed class OneVisitBuilder
{
    internal OneVisitBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection the parts are registered in.</summary>
    public IServiceCollection Services { get; }
}
