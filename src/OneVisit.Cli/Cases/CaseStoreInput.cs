using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OneVisit.Cli.Common;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Visits;

namespace OneVisit.Cli.Cases;

/// <summary>
/// Opens an existing case store for reading (<see cref="ReadOnlyStore"/>), without starting the case runtime:
/// inspecting cases must never run their steps, send evidence requests or fire their timers.
/// </summary>
internal sealed class CaseStoreInput : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CaseStoreInput(ServiceProvider services, string database, TimeZoneInfo zone, string? zoneAsked)
    {
        _services = services;
        Database = database;
        Zone = zone;
        ZoneAsked = zoneAsked;
    }

    /// <summary>The store's file.</summary>
    public string Database { get; }

    /// <summary>The zone times are shown in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The <c>--time-zone</c> given, if any, for the commands a hint suggests next.</summary>
    public string? ZoneAsked { get; }

    /// <summary>
    /// The cases, read as the host's processing: whoever runs the CLI on a store file can read all of it with any SQLite
    /// tool, so the CLI inspects as the store's operator (docs/security.md), and read-only it writes no tracker line.
    /// </summary>
    public ICaseService Cases => _services.GetRequiredService<ICaseService>().As(Workflows.Actors.CaseActor.System);

    public Workflows.Bundles.IBundleCaseService Bundles => _services.GetRequiredService<Workflows.Bundles.IBundleCaseService>().As(Workflows.Actors.CaseActor.System);

    public IAuditLog Audit => _services.GetRequiredService<IAuditLog>().As(Workflows.Actors.CaseActor.System);

    public IVisitLedger Visits => _services.GetRequiredService<IVisitLedger>().As(Workflows.Actors.CaseActor.System);

    public ICommitmentLedger Commitments => _services.GetRequiredService<ICommitmentLedger>().As(Workflows.Actors.CaseActor.System);

    public Rules.Catalog.ProcedureCatalog Catalog => _services.GetRequiredService<Rules.Catalog.ProcedureCatalog>();

    /// <summary>
    /// The store, or null with the exit code to return after the problem was written to <paramref name="error"/>;
    /// <paramref name="database"/> is null when none was given and no demo has made one. <paramref name="workflows"/>
    /// adds settings of the case runtime (the audit key of <c>audit verify</c>).
    /// </summary>
    public static CaseStoreInput? Open(string command, string? database, string catalogue, string? timeZone, Terminal error, out int exitCode, Action<Workflows.Hosting.WorkflowsBuilder>? workflows = null)
    {
        exitCode = ExitCodes.Ok;
        if (database is null)
        {
            error.WriteLine(
                $"onevisit {command}: no demo has made a case store yet (none in {DemoStores.Folder}). Run 'onevisit demo', or pass --db <file> (a host's UseSqlite database).",
                ConsoleColour.Red);
            exitCode = ExitCodes.Usage;
            return null;
        }

        if (!ReadOnlyStore.Exists(command, database, error, out exitCode))
        {
            return null;
        }

        if (CatalogueInput.Load(command, catalogue, error, out exitCode) is not { } loaded)
        {
            return null;
        }

        // The offices' zone: as asked, else the catalogue's own, else this machine's.
        var zone = loaded.Info.TimeZone ?? TimeZoneInfo.Local;
        if (timeZone is not null)
        {
            if (TimeZones.Find(timeZone, out var problem) is not { } asked)
            {
                error.WriteLine($"onevisit {command}: {problem}", ConsoleColour.Red);
                exitCode = ExitCodes.Usage;
                return null;
            }

            zone = asked;
        }

        // Read-only: inspection never creates, migrates, locks or writes the file (a mistyped path, another
        // application's database, a running host's store are all left as they are).
        var connection = ReadOnlyStore.ConnectionString(database);
        return new CaseStoreInput(CaseServices.Build(loaded, catalogue, connection, new ZonedTimeProvider(zone), error.Writer, workflows), database, zone, timeZone);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        // Pooled connections would keep the file open (and locked on Windows) after the command.
        SqliteConnection.ClearAllPools();
    }
}
