using Microsoft.Extensions.DependencyInjection;

namespace OneVisit.Workflows.Hosting;

/// <summary>
/// Which storage the case runtime uses, chosen on <see cref="WorkflowsBuilder"/> (<c>UseSqlite</c>, the default, or a
/// storage package's <c>UsePostgreSql</c>) and registered once, when the runtime is.
/// </summary>
/// <remarks>
/// A registration provides every storage port (<c>ICaseStorage</c> and the stores it stands for, the error
/// translator) and the engine's store (<c>IEngineStore</c>, which is WorkflowCore's persistence provider too); it may
/// also replace the runtime's node-local locks and queue with cluster-wide ones. The marker is kept in the service
/// collection so that the builder, which lives only while <c>AddWorkflows</c> runs, can tell the registration made
/// later which one was chosen.
/// </remarks>
internal sealed class CaseStorageRegistration(string name, Action<IServiceCollection> register)
{
    /// <summary>SQLite: one node, one file. The default.</summary>
    public static readonly CaseStorageRegistration Sqlite = new("SQLite", Engine.EngineRegistration.AddSqlite);

    /// <summary>What the store is called in messages ("SQLite", "PostgreSQL").</summary>
    public string Name { get; } = name;

    /// <summary>Registers the storage's services.</summary>
    public void Register(IServiceCollection services) => register(services);

    /// <summary>The registration chosen on the builder, SQLite when none was.</summary>
    public static CaseStorageRegistration Chosen(IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(CaseStorageRegistration))?.ImplementationInstance as CaseStorageRegistration ?? Sqlite;

    /// <summary>
    /// Chooses <paramref name="storage"/>; refused once the runtime is registered with another one (a second
    /// <c>AddWorkflows</c> call cannot move the runtime to a different database).
    /// </summary>
    public static void Choose(IServiceCollection services, CaseStorageRegistration storage)
    {
        var current = Chosen(services);
        if (current != storage && services.Any(d => d.ServiceType == typeof(CaseRuntime)))
        {
            throw new InvalidOperationException(
                $"The case runtime is already registered on {current.Name}; {storage.Name} cannot be chosen in a later AddWorkflows call. "
                + $"Choose the store (UseSqlite or UsePostgreSql) in the first AddWorkflows call.");
        }

        services.AddSingleton(storage);
    }
}
