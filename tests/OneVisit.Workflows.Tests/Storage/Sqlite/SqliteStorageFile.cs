using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OneVisit.Workflows.Engine;
using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.Persistence.Sqlite;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Tests.Storage.Contract;

namespace OneVisit.Workflows.Tests.Storage.Sqlite;

/// <summary>
/// A case database as the runtime opens it (the engine's tables and OneVisit's on one SQLite file), in its own
/// temporary folder, deleted with its -wal and -shm files on disposal.
/// </summary>
internal sealed class SqliteStorageFile : IAsyncDisposable
{
    private readonly List<SqliteDatabase> _databases = [];

    public SqliteStorageFile()
    {
        Folder = Directory.CreateTempSubdirectory("onevisit-storage-").FullName;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(Folder, "cases.db") }.ConnectionString;
    }

    public string Folder { get; }

    public string ConnectionString { get; }

    /// <summary>A fresh file with one initialized store on it, for the contract; disposing it deletes the file.</summary>
    public static async Task<StorageUnderTest> OpenContractAsync()
    {
        var file = new SqliteStorageFile();
        try
        {
            var (_, store) = await file.OpenAsync(initialize: true);
            return StorageUnderTest.Of(store, file.OpenAnotherAsync, file.DisposeAsync, oneHost: true);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A database and store on this file, sealing audit lines with <paramref name="seal"/> (hashes only by default). With <paramref name="initialize"/>, as on the runtime's start: the engine
    /// creates its tables (<see cref="ICaseStore"/> reads its <c>wf_instances</c>), then the store creates its own.
    /// </summary>
    public async Task<(SqliteDatabase Database, SqliteCaseStore Store)> OpenAsync(bool initialize, AuditSeal? seal = null)
    {
        var database = new SqliteDatabase(new SqliteStoreOptions { ConnectionString = ConnectionString, UniqueReferences = true, AuditSeal = seal ?? AuditSeal.Unkeyed }, NullLogger.Instance);
        _databases.Add(database);
        var store = new SqliteCaseStore(database);
        if (initialize)
        {
            Engine(database).EnsureStoreExists();
            await store.InitializeAsync(CancellationToken.None);
        }

        return (database, store);
    }

    /// <summary>The engine's store on <paramref name="database"/> (it does not own the database).</summary>
    public static SqliteWorkflowStore Engine(SqliteDatabase database) =>
        new(database, CasePayloads.Create(), NullLogger<SqliteWorkflowStore>.Instance);

    /// <summary>A plain connection, to look at or tamper with rows behind the store's back.</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private async Task<StorageUnderTest> OpenAnotherAsync()
    {
        var (database, store) = await OpenAsync(initialize: false);
        return StorageUnderTest.Of(store, OpenAnotherAsync, database.DisposeAsync, oneHost: true);
    }
}
