using Npgsql;
using OneVisit.Workflows.PostgreSql;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Tests.Storage.Contract;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Storage.PostgreSql;

/// <summary>
/// A fresh database of the test run's PostgreSQL cluster with <see cref="PostgresCaseStorage"/> on it, as a node
/// opens it. The database stays until the cluster is dropped at the end of the run; disposing closes the pools.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class PostgresStorageDatabase
{
    /// <summary>A new database with one initialized store on it, for the contract.</summary>
    public static async Task<StorageUnderTest> OpenContractAsync(PostgresClusterFixture cluster, string test)
    {
        var connectionString = await cluster.CreateDatabaseAsync(test);
        var opened = new List<NpgsqlDataSource>();
        var storage = await OpenAsync(connectionString, opened, initialize: true);
        return StorageUnderTest.Of(storage, () => OpenAnotherAsync(connectionString, opened), () => DisposeAllAsync(opened));
    }

    private static async Task<StorageUnderTest> OpenAnotherAsync(string connectionString, List<NpgsqlDataSource> opened)
    {
        var storage = await OpenAsync(connectionString, opened, initialize: false);
        return StorageUnderTest.Of(storage, () => OpenAnotherAsync(connectionString, opened), () => ValueTask.CompletedTask);
    }

    private static async Task<PostgresCaseStorage> OpenAsync(string connectionString, List<NpgsqlDataSource> opened, bool initialize)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        lock (opened)
        {
            opened.Add(dataSource);
        }

        var storage = new PostgresCaseStorage(dataSource, AuditSeal.Unkeyed);
        if (initialize)
        {
            await storage.InitializeAsync(CancellationToken.None);
        }

        return storage;
    }

    private static async ValueTask DisposeAllAsync(List<NpgsqlDataSource> opened)
    {
        NpgsqlDataSource[] all;
        lock (opened)
        {
            all = [.. opened];
            opened.Clear();
        }

        foreach (var dataSource in all)
        {
            await dataSource.DisposeAsync();
        }
    }
}
