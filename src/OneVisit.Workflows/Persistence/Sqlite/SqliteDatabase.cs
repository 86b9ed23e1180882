using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>
/// One SQLite file (WAL) as every OneVisit component uses it: reads on pooled connections that never wait for
/// writes, and every write through one <see cref="SqliteWriter"/>, which commits all writes queued together in
/// one transaction (group commit). The engine's store and OneVisit's own tables share it, so a step's audit
/// lines and its workflow document are committed together instead of contending for SQLite's write lock.
/// </summary>
internal sealed class SqliteDatabase : IAsyncDisposable, IDisposable
{
    private readonly ILogger _logger;
    private readonly Lock _lifecycle = new();
    private SqliteWriter? _writer;
    private bool _disposed;

    public SqliteDatabase(SqliteStoreOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        ArgumentNullException.ThrowIfNull(logger);
        Options = options;
        _logger = logger;
    }

    public SqliteStoreOptions Options { get; }

    /// <summary>How many transactions the writer has committed (fewer than writes means group commit worked).</summary>
    public long CommittedBatches => Volatile.Read(ref _writer)?.CommittedBatches ?? 0;

    /// <summary>
    /// Opens the writer, first applying <paramref name="migrations"/> on its own connection so no write can race
    /// them; a second call does nothing.
    /// </summary>
    public void Open(SqliteMigrations? migrations = null)
    {
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_writer is not null)
            {
                return;
            }

            var connection = SqliteConnections.OpenWriter(Options);
            try
            {
                migrations?.Apply(connection, _logger);
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            _writer = new SqliteWriter(connection, Options.MaxWriteBatch, _logger);
            Log.DatabaseOpened(_logger, connection.DataSource);
        }
    }

    public bool IsOpen => Volatile.Read(ref _writer) is not null;

    /// <summary>Creates or upgrades a component's tables now, on the caller's thread (each script in its own IMMEDIATE transaction).</summary>
    public void Migrate(SqliteMigrations migrations)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var connection = SqliteConnections.OpenReader(Options);
        migrations.Apply(connection, _logger);
    }

    /// <summary>Creates or upgrades a component's tables (each script in its own IMMEDIATE transaction).</summary>
    public Task MigrateAsync(SqliteMigrations migrations, CancellationToken cancellationToken) =>
        ReadAsync(connection => migrations.Apply(connection, _logger), cancellationToken);

    /// <summary>Runs <paramref name="read"/> on a pooled reader connection (WAL: it sees the last commit and never waits for the writer).</summary>
    public Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var connection = SqliteConnections.OpenReader(Options);
            return Task.FromResult(read(connection));
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    /// <summary>Runs <paramref name="write"/> inside the next batch's transaction and returns its result once committed.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        var writer = Volatile.Read(ref _writer);
        if (writer is null)
        {
            try
            {
                Open();
            }
            catch (Exception ex)
            {
                return Task.FromException<T>(ex);
            }

            writer = Volatile.Read(ref _writer);
        }

        return writer?.EnqueueAsync(write, cancellationToken)
            ?? Task.FromException<T>(new ObjectDisposedException(nameof(SqliteDatabase), "The case database is closed."));
    }

    /// <summary>Runs every write already queued, then closes the writer. Reads in flight finish on their own connections.</summary>
    public async ValueTask DisposeAsync()
    {
        SqliteWriter? writer;
        lock (_lifecycle)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            writer = _writer;
            _writer = null;
        }

        if (writer is not null)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        // Pooled reader connections would otherwise keep the file (and its -wal/-shm) open after disposal.
        using var connection = new SqliteConnection(Options.ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>For containers that only dispose synchronously; the writer drains the same way.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
