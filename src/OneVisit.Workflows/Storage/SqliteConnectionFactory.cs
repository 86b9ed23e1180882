using Microsoft.Data.Sqlite;

namespace OneVisit.Workflows.Storage;

/// <summary>Opens pooled connections to the case database with the settings every connection needs.</summary>
internal sealed class SqliteConnectionFactory(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragma = connection.CreateCommand();

        // WAL lets readers run beside the one writer; NORMAL sync is durable across process crashes in WAL
        // mode (only an OS crash can lose the last commits); the busy timeout makes writers queue, not fail.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
