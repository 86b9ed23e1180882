using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>
/// One SQLite file (WAL) as every OneVisit component uses it: reads on pooled connections that never wait for
/// writes, and every write through one <see cref="SqliteWriter"/>, which commits all writes queued together in
/// one transaction (group commit). The engine's store and OneVisit's own tables share it, so a step's audit
/// lines and its workflow document are committed together instead of contending for SQLite's write lock.
/// </summary>
/// <remarks>
/// A file opened to write is held by this database alone (<see cref="SqliteHostLock"/>, from the first migration or
/// write until disposal) and created readable by its owner only. A connection string with <c>Mode=ReadOnly</c> opens
/// it for inspection: never created, locked, migrated or written, and read only once its schemas are at the
/// versions this build reads.
/// </remarks>
internal sealed class SqliteDatabase : IAsyncDisposable, IDisposable
{
    private readonly ILogger _logger;
    private readonly SqliteStoreFile _file;
    private readonly IReadOnlyList<SqliteMigrations> _schemas;
    private readonly Lock _lifecycle = new();
    private SqliteWriter? _writer;
    private SqliteHostLock? _hostLock;
    private volatile bool _fileReady;
    private bool _disposed;

    /// <param name="options">Where the file is and how the writer batches.</param>
    /// <param name="logger">Where migrations and batches are logged.</param>
    /// <param name="schemas">The components' schemas a read-only database checks before its first read.</param>
    public SqliteDatabase(SqliteStoreOptions options, ILogger logger, IReadOnlyList<SqliteMigrations>? schemas = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        ArgumentNullException.ThrowIfNull(logger);
        Options = options;
        _logger = logger;
        _file = SqliteStoreFile.From(options.ConnectionString);
        _schemas = schemas ?? [];
    }

    /// <summary>True for <c>Mode=ReadOnly</c>: the file is only read, and writes fail.</summary>
    public bool IsReadOnly => _file.ReadOnly;

    /// <summary>The database's file, for messages (the connection string's data source when in memory).</summary>
    public string FileName => _file.Path ?? Options.ConnectionString;

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

            if (IsReadOnly)
            {
                // Inspection has no writer: WriteAsync refuses, and the file's journal mode is left as it is.
                if (migrations is not null)
                {
                    Verify(migrations);
                }

                return;
            }

            HoldFile();
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
    /// <remarks>Read-only, it only checks that the tables are at the version this build reads.</remarks>
    public void Migrate(SqliteMigrations migrations)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsReadOnly)
        {
            Verify(migrations);
            return;
        }

        lock (_lifecycle)
        {
            HoldFile();
        }

        using var connection = SqliteConnections.OpenReader(Options);
        migrations.Apply(connection, _logger);
    }

    /// <summary>Creates or upgrades a component's tables (each script in its own IMMEDIATE transaction).</summary>
    public Task MigrateAsync(SqliteMigrations migrations, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        try
        {
            Migrate(migrations);
            return Task.CompletedTask;
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    /// <summary>
    /// Before the first write: creates the file owner-only and takes the host lock, so a second host on the file
    /// fails here, before it migrates or runs anything. Called under <see cref="_lifecycle"/>.
    /// </summary>
    private void HoldFile()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_hostLock is not null || _file.Path is not { } path)
        {
            return;
        }

        _file.CreateIfMissing();
        _fileReady = true;
        try
        {
            _hostLock = SqliteHostLock.Acquire(path);
        }
        catch (DirectoryNotFoundException)
        {
            // No folder, no store: SQLite's own open reports it, as without the lock.
        }
    }

    /// <summary>Read-only: the component's tables must be at the version this build reads.</summary>
    private void Verify(SqliteMigrations migrations)
    {
        using var connection = SqliteConnections.OpenReader(Options);
        migrations.Verify(connection, FileName);
    }

    /// <summary>Before the first read: a read-only store's schemas are checked, a writable store's file is made owner-only.</summary>
    private void PrepareRead(SqliteConnection? connection)
    {
        if (_fileReady)
        {
            return;
        }

        if (!IsReadOnly)
        {
            _file.CreateIfMissing();
        }
        else if (connection is not null)
        {
            foreach (var schema in _schemas)
            {
                schema.Verify(connection, FileName);
            }
        }

        _fileReady = true;
    }

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
            if (!_fileReady && !IsReadOnly)
            {
                PrepareRead(null);
            }

            using var connection = SqliteConnections.OpenReader(Options);
            if (!_fileReady)
            {
                PrepareRead(connection);
            }

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
        if (IsReadOnly)
        {
            return Task.FromException<T>(new CaseStoreException(
                $"The case store {FileName} is opened read-only (Mode=ReadOnly, for inspection); nothing was changed. Open it with UseSqlite and no Mode=ReadOnly to change cases.",
                mayRetry: false,
                innerException: null));
        }

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

        // Last: another host may start once nothing of this one writes to the file any more.
        lock (_lifecycle)
        {
            _hostLock?.Dispose();
            _hostLock = null;
        }
    }

    /// <summary>For containers that only dispose synchronously; the writer drains the same way.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
