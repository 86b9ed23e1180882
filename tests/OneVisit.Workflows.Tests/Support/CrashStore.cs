namespace OneVisit.Workflows.Tests.Support;

/// <summary>
/// The store a crash test's hosts share: a SQLite file in the test's folder, or a fresh PostgreSQL database. The crash
/// host (tests/OneVisit.Workflows.CrashHost) is given <see cref="HostArgument"/>; the test reads what the hosts left with <see cref="Sql"/>.
/// </summary>
internal sealed class CrashStore
{
    private CrashStore(string directory, string? postgres)
    {
        Directory = directory;
        Postgres = postgres;
        var database = Path.Combine(directory, "cases.db");
        HostArgument = postgres is null ? database : "postgres:" + postgres;
        Sql = new StoreSql(database, postgres);
    }

    public string Directory { get; }

    public string? Postgres { get; }

    /// <summary>The crash host's database argument: the SQLite file, or "postgres:" and a connection string.</summary>
    public string HostArgument { get; }

    public StoreSql Sql { get; }

    public static async Task<CrashStore> OpenAsync(CaseStore store, string directory, [System.Runtime.CompilerServices.CallerMemberName] string test = "") =>
        new(directory, await store.NewDatabaseAsync(test));

    /// <summary>A harness on the hosts' store (to read it through the services, as a further host).</summary>
    public Task<CaseHarness> StartHarnessAsync() => CaseHarness.StartAsync(directory: Directory, postgres: Postgres);
}
