using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Hosting;
using OneVisit.Workflows.Simulation;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>
/// The store a case-behaviour suite runs on: SQLite (a temp file per harness, the embedded default) or PostgreSQL
/// (a fresh database per harness in the run's one cluster). A suite is written once, as an abstract class that takes
/// a store; a sealed class per store runs it (e.g. <c>SqliteDeadlineTests</c> and <c>PostgresDeadlineTests</c>).
/// </summary>
public sealed class CaseStore
{
    private readonly Func<string, Task<string>>? _newDatabase;

    private CaseStore(string name, Func<string, Task<string>>? newDatabase)
    {
        Name = name;
        _newDatabase = newDatabase;
    }

    public static CaseStore Sqlite { get; } = new("SQLite", null);

    public string Name { get; }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static CaseStore PostgreSql(PostgresClusterFixture cluster) => new("PostgreSQL", test => cluster.CreateDatabaseAsync(test));

    /// <summary>A connection string to a new, empty PostgreSQL database; null on SQLite (the harness makes its own file).</summary>
    internal async Task<string?> NewDatabaseAsync([CallerMemberName] string test = "") =>
        _newDatabase is null ? null : await _newDatabase(test);

    /// <summary><see cref="CaseHarness.StartAsync"/> on this store.</summary>
    internal async Task<CaseHarness> StartAsync(Action<SimulatedDepartmentsOptions>? departments = null, Action<CaseOptions>? options = null, string? directory = null, Action<IServiceCollection>? services = null, string? catalog = null, TimeZoneInfo? clockZone = null, Action<WorkflowsBuilder>? workflows = null, Action<IServiceCollection>? overrides = null, [CallerMemberName] string test = "") =>
        await CaseHarness.StartAsync(departments, options, directory, services, catalog, clockZone, workflows, overrides, postgres: await NewDatabaseAsync(test));

    public override string ToString() => Name;
}
