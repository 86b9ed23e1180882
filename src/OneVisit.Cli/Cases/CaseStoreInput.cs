using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OneVisit.Cli.Common;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.PostgreSql;
using OneVisit.Workflows.Visits;

namespace OneVisit.Cli.Cases;

/// <summary>
/// Opens an existing case store for reading (a SQLite file as <see cref="ReadOnlyStore"/>, a PostgreSQL database as
/// <see cref="PostgresStore"/>), without starting the case runtime:
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

    /// <summary>The store's file, or its PostgreSQL connection string without the password, quoted for a shell (as --db takes it).</summary>
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

    /// <summary>Past cases as populations, read as the store's operator (the host's processing), like every other read here.</summary>
    public Workflows.History.ICaseHistory History => _services.GetRequiredService<Workflows.History.ICaseHistory>().As(Workflows.Actors.CaseActor.System);

    /// <summary>Migrations, run as the store's operator (the host's processing): only a store opened writable can apply one.</summary>
    public Workflows.Migration.ICaseMigrations Migrations => _services.GetRequiredService<Workflows.Migration.ICaseMigrations>().As(Workflows.Actors.CaseActor.System);

    public Rules.Catalog.ProcedureCatalog Catalog => _services.GetRequiredService<Rules.Catalog.ProcedureCatalog>();

    /// <summary>
    /// The store, or null with the exit code to return after the problem was written to <paramref name="error"/>;
    /// <paramref name="store"/> is null when none was given and no demo has made one. <paramref name="workflows"/>
    /// adds settings of the case runtime (the audit key of <c>audit verify</c>). With <paramref name="writable"/> (a
    /// migration), the store is opened for writing; it must exist already (nothing is created), and the case runtime is
    /// still not started: no step runs here, without the host's departments and settings.
    /// </summary>
    public static async Task<(CaseStoreInput? Input, int ExitCode)> OpenAsync(string command, StoreTarget? store, string catalogue, string? timeZone, Terminal error, CancellationToken cancellationToken, Action<Workflows.Hosting.WorkflowsBuilder>? workflows = null, bool writable = false)
    {
        if (store is null)
        {
            error.WriteLine(
                $"onevisit {command}: no demo has made a case store yet (none in {DemoStores.Folder}). Run 'onevisit demo', or pass --db <file> (a host's UseSqlite database) or --pg <connection string> (a host's UsePostgreSql database).",
                ConsoleColour.Red);
            return (null, ExitCodes.Usage);
        }

        string database;
        Action<Workflows.Hosting.WorkflowsBuilder> useStore;
        if (store.IsPostgres)
        {
            if (PostgresStore.Parse(command, store.Source, store.Value, error) is not { } given)
            {
                return (null, ExitCodes.Usage);
            }

            // Read-only at the server: inspection never creates, migrates or writes a table, whatever the library tries.
            var readOnly = PostgresStore.ReadOnly(given);
            var (readable, exitCode) = await PostgresStoreCheck.CheckAsync(command, given, readOnly, error, cancellationToken).ConfigureAwait(false);
            if (!readable)
            {
                return (null, exitCode);
            }

            database = PostgresStore.Display(given);
            useStore = writable ? w => w.UsePostgreSql(given.ConnectionString) : w => w.UsePostgreSql(readOnly);
        }
        else
        {
            if (!ReadOnlyStore.Exists(command, store.Value, error, out var exitCode))
            {
                return (null, exitCode);
            }

            // Read-only: inspection never creates, migrates, locks or writes the file (a mistyped path, another
            // application's database, a running host's store are all left as they are).
            database = store.Value;
            var connection = writable ? new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite }.ToString() : ReadOnlyStore.ConnectionString(database);
            useStore = w => w.UseSqlite(connection);
        }

        if (CatalogueInput.Load(command, catalogue, error, out var loadCode) is not { } loaded)
        {
            return (null, loadCode);
        }

        // The offices' zone: as asked, else the catalogue's own, else this machine's.
        var zone = loaded.Info.TimeZone ?? TimeZoneInfo.Local;
        if (timeZone is not null)
        {
            if (TimeZones.Find(timeZone, out var problem) is not { } asked)
            {
                error.WriteLine($"onevisit {command}: {problem}", ConsoleColour.Red);
                return (null, ExitCodes.Usage);
            }

            zone = asked;
        }

        return (new CaseStoreInput(CaseServices.Build(loaded, catalogue, useStore, new ZonedTimeProvider(zone), error.Writer, workflows), database, zone, timeZone), ExitCodes.Ok);
    }

    public async ValueTask DisposeAsync()
    {

        await _services.DisposeAsync().ConfigureAwait(false);
        // Pooled connections would keep the file open (and locked on Windows) after the command.
        SqliteConnection.ClearAllPools();
    }
}
