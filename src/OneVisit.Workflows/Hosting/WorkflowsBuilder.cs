using Microsoft.Extensions.DependencyInjection;
using OneVisit.Workflows.Evidence;

namespace OneVisit.Workflows.Hosting;

/// <summary>Settings of the durable cases, given to <see cref="OneVisitWorkflowsExtensions.AddWorkflows"/>.</summary>
public sealed class WorkflowsBuilder
{
    internal WorkflowsBuilder(IServiceCollection services, CaseOptions options)
    {
        Services = services;
        Options = options;
    }

    /// <summary>The host's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The case runtime's settings.</summary>
    public CaseOptions Options { get; }

    /// <summary>Stores cases in SQLite (WAL): the embedded default. The schema is created and upgraded on start.</summary>
    public WorkflowsBuilder UseSqlite(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Options.ConnectionString = connectionString;
        return this;
    }

    /// <summary>Changes settings (deadlines, evidence timeout, polling safety net).</summary>
    public WorkflowsBuilder Configure(Action<CaseOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Options);
        return this;
    }

    /// <summary>Asks <paramref name="departmentId"/>'s system for documents through <paramref name="provider"/>; <c>"*"</c> serves every department without its own.</summary>
    public WorkflowsBuilder AddEvidenceProvider(string departmentId, IEvidenceProvider provider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentId);
        ArgumentNullException.ThrowIfNull(provider);
        Services.AddSingleton(new EvidenceProviderRegistration(departmentId, _ => provider));
        return this;
    }

    /// <summary>Asks <paramref name="departmentId"/>'s system through a provider built by DI.</summary>
    public WorkflowsBuilder AddEvidenceProvider<TProvider>(string departmentId)
        where TProvider : class, IEvidenceProvider
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(departmentId);
        Services.AddSingleton<TProvider>();
        Services.AddSingleton(new EvidenceProviderRegistration(departmentId, sp => sp.GetRequiredService<TProvider>()));
        return this;
    }

    /// <summary>
    /// Answers every evidence request with <see cref="Simulation.SimulatedDepartments"/>: a simulation for
    /// trials, tests and the demo, never for production. Departments with their own provider keep it.
    /// </summary>
    public WorkflowsBuilder UseSimulatedDepartments(Action<Simulation.SimulatedDepartmentsOptions>? configure = null)
    {
        var settings = new Simulation.SimulatedDepartmentsOptions();
        configure?.Invoke(settings);
        Services.AddSingleton(sp => new Simulation.SimulatedDepartments(settings, sp.GetRequiredService<TimeProvider>()));
        Services.AddSingleton(new EvidenceProviderRegistration(EvidenceProviders.AnyDepartment, sp => sp.GetRequiredService<Simulation.SimulatedDepartments>()));
        return this;
    }
}
