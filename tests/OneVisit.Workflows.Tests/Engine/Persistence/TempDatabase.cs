using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.Persistence.Sqlite;

namespace OneVisit.Workflows.Tests.Engine.Persistence;

/// <summary>A real SQLite file in its own temporary folder, deleted (with -wal/-shm) on disposal.</summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    private readonly List<SqliteWorkflowStore> _stores = [];

    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("onevisit-store-").FullName;
        Path = System.IO.Path.Combine(Folder, "workflows.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path }.ConnectionString;
    }

    public string Folder { get; }

    public string Path { get; }

    public string ConnectionString { get; }

    public PayloadTypes Payloads { get; } = TestPayloads.Create();

    public SqliteStoreOptions Options(int maxWriteBatch = 256) =>
        new() { ConnectionString = ConnectionString, MaxWriteBatch = maxWriteBatch };

    /// <summary>A store on this file; disposed with the database unless the test disposes it first.</summary>
    public SqliteWorkflowStore Store(PayloadTypes? payloads = null, int maxWriteBatch = 256)
    {
        var store = new SqliteWorkflowStore(
            Options(maxWriteBatch), payloads ?? Payloads, NullLogger<SqliteWorkflowStore>.Instance);
        _stores.Add(store);
        return store;
    }

    /// <summary>A plain connection for arranging or inspecting rows behind the store's back.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
