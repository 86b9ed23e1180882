using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Simulation;

namespace OneVisit.Workflows.Hosting;

/// <summary>
/// Settings of the durable cases, given to <c>AddWorkflows</c>. Each call registers a step of the
/// <see cref="CaseOptions"/> options, applied in order (after the configuration section, if one was given).
/// </summary>
public sealed class WorkflowsBuilder
{
    internal WorkflowsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The host's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Stores cases in SQLite (WAL): the embedded default. The schema is created and upgraded on start, and a new
    /// file is made readable by its owner only (0600 on Unix). One host per file: a second host on the same file
    /// fails to start with <see cref="Cases.CaseStoreInUseException"/> (several nodes need the PostgreSQL store).
    /// With <c>Mode=ReadOnly</c> in <paramref name="connectionString"/> the store is only inspected: never created,
    /// migrated, locked or written, refused unless its schema is the version this build reads, and the case runtime
    /// does not start on it.
    /// </summary>
    public WorkflowsBuilder UseSqlite(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        CaseStorageRegistration.Choose(Services, CaseStorageRegistration.Sqlite);
        Services.Configure<CaseOptions>(o => o.ConnectionString = connectionString);
        return this;
    }

    /// <summary>
    /// For storage packages (<c>UsePostgreSql</c>): stores cases through <paramref name="storage"/>, reached with
    /// <paramref name="connectionString"/> (kept as <see cref="CaseOptions.ConnectionString"/>).
    /// </summary>
    internal WorkflowsBuilder UseStorage(CaseStorageRegistration storage, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        CaseStorageRegistration.Choose(Services, storage);
        Services.Configure<CaseOptions>(o => o.ConnectionString = connectionString);
        return this;
    }

    /// <summary>
    /// Takes who acts on each call from <typeparamref name="TAccessor"/> (built by DI): the host's signed-in user. Without
    /// it, only calls made through the services' <c>As(actor)</c> are served; every other call is denied.
    /// </summary>
    public WorkflowsBuilder UseActors<TAccessor>()
        where TAccessor : class, Actors.ICaseActorAccessor
    {
        Services.Replace(ServiceDescriptor.Singleton<Actors.ICaseActorAccessor, TAccessor>());
        return this;
    }

    /// <summary>
    /// Takes who acts on each call from the principal <paramref name="principal"/> gives (see
    /// <see cref="Actors.CaseActorClaims"/> for the claims): in ASP.NET Core,
    /// <c>UseActors(sp => sp.GetRequiredService&lt;IHttpContextAccessor&gt;().HttpContext?.User)</c>.
    /// </summary>
    public WorkflowsBuilder UseActors(Func<IServiceProvider, System.Security.Claims.ClaimsPrincipal?> principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        Services.Replace(ServiceDescriptor.Singleton<Actors.ICaseActorAccessor>(sp => new Actors.ClaimsCaseActorAccessor(() => principal(sp))));
        return this;
    }

    /// <summary>Changes settings (deadlines, evidence timeout, polling safety net); the same as <c>services.Configure&lt;CaseOptions&gt;</c>.</summary>
    public WorkflowsBuilder Configure(Action<CaseOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
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
    /// Answers every evidence request with <see cref="SimulatedDepartments"/>: a simulation for
    /// trials, tests and the demo, never for production. Departments with their own provider keep it.
    /// </summary>
    public WorkflowsBuilder UseSimulatedDepartments(Action<SimulatedDepartmentsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.AddOptions<SimulatedDepartmentsOptions>().Configure(configure);
        return UseSimulatedDepartments();
    }

    /// <summary>
    /// Answers every evidence request with <see cref="Simulation.SimulatedDepartments"/>, every department issuing
    /// at once: a simulation for trials, tests and the demo, never for production. Departments with their own
    /// provider keep it.
    /// </summary>
    public WorkflowsBuilder UseSimulatedDepartments()
    {
        Services.AddOptions<SimulatedDepartmentsOptions>();
        Services.TryAddSingleton(sp => new SimulatedDepartments(
            sp.GetRequiredService<IOptions<SimulatedDepartmentsOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        Services.AddSingleton(new EvidenceProviderRegistration(EvidenceProviders.AnyDepartment, sp => sp.GetRequiredService<SimulatedDepartments>()));
        return this;
    }

    /// <summary>
    /// Answers every evidence request with <see cref="SimulatedDepartments"/> set from <paramref name="section"/>
    /// (by convention <c>OneVisit:Workflows:SimulatedDepartments</c>): <c>Latency</c>, <c>DefaultAnswer</c>,
    /// <c>Answers</c> per department id and <c>TransientFailures</c>. For trials, tests and the demo only.
    /// </summary>
    public WorkflowsBuilder UseSimulatedDepartments(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        Services.AddOptions<SimulatedDepartmentsOptions>().Bind(section);
        return UseSimulatedDepartments();
    }
}
