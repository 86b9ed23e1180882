using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>
/// WorkflowCore's persistence on one SQLite file, with the semantics of WorkflowCore's in-memory provider.
/// Reads open pooled connections and never wait for writes (WAL). Every write goes through one
/// <see cref="SqliteWriter"/>, which commits all writes queued together in one transaction (group commit).
/// </summary>
/// <remarks>
/// Ids are new GUID strings when the caller leaves them empty (WorkflowCore always does); a caller-given id is
/// kept. Instances are stored as queryable columns plus one JSON document (<see cref="WorkflowDocument"/>);
/// every <c>object</c> slot must hold a type registered in <see cref="PayloadTypes"/>.
/// </remarks>
internal sealed partial class SqliteWorkflowStore : IPersistenceProvider, Storage.ISqliteDatabase, IAsyncDisposable, IDisposable
{
    private readonly SqliteStoreOptions _options;
    private readonly PayloadTypes _payloads;
    private readonly WorkflowDocument _document;
    private readonly ILogger<SqliteWorkflowStore> _logger;
    private readonly Lock _lifecycle = new();
    private SqliteWriter? _writer;
    private bool _disposed;

    public SqliteWorkflowStore(SqliteStoreOptions options, PayloadTypes payloads, ILogger<SqliteWorkflowStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        ArgumentNullException.ThrowIfNull(payloads);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _payloads = payloads;
        _document = new WorkflowDocument(payloads);
        _logger = logger;
    }

    /// <summary>WorkflowCore calls this on host start: creates or upgrades the schema and starts the writer.</summary>
    public void EnsureStoreExists()
    {
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_writer is not null)
            {
                return;
            }

            // Migrations run on the writer's own connection before its loop starts, so no write can race them.
            var connection = SqliteConnections.OpenWriter(_options);
            try
            {
                WorkflowSchema.Migrations.Apply(connection, _logger);
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            _writer = new SqliteWriter(connection, _options.MaxWriteBatch, _logger);
            Log.StoreOpened(_logger, connection.DataSource);
        }
    }

    /// <summary>
    /// <see cref="EnsureStoreExists"/> off the caller's thread. Every operation also initializes on first use,
    /// so calling this is only needed to surface schema problems at startup.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _writer) is not null
            ? Task.CompletedTask
            : Task.Run(EnsureStoreExists, cancellationToken);

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
        using var connection = new SqliteConnection(_options.ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>For containers that only dispose synchronously; the writer drains the same way.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Appends to <c>wf_errors</c>. Like PersistWorkflow, it finishes even when shutdown has cancelled the token.</summary>
    public async Task PersistErrors(IEnumerable<ExecutionError> errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var rows = errors
            .Select(e => (Time: UtcTicks.From(e.ErrorTime), e.WorkflowId, e.ExecutionPointerId, e.Message))
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await WriteAsync(transaction =>
        {
            using var command = SqlCommands.Create(transaction, """
                INSERT INTO wf_errors (error_time, workflow_id, execution_pointer_id, message)
                VALUES ($time, $workflow_id, $pointer_id, $message);
                """);
            var time = command.Parameters.Add("$time", SqliteType.Integer);
            var workflow = command.Parameters.Add("$workflow_id", SqliteType.Text);
            var pointer = command.Parameters.Add("$pointer_id", SqliteType.Text);
            var message = command.Parameters.Add("$message", SqliteType.Text);
            foreach (var row in rows)
            {
                time.Value = row.Time;
                workflow.Value = (object?)row.WorkflowId ?? DBNull.Value;
                pointer.Value = (object?)row.ExecutionPointerId ?? DBNull.Value;
                message.Value = (object?)row.Message ?? DBNull.Value;
                command.ExecuteNonQuery();
            }

            return rows.Count;
        }, CancellationToken.None).ConfigureAwait(false);
    }

    private static string NewIdIfEmpty(string? id) => string.IsNullOrEmpty(id) ? Guid.NewGuid().ToString() : id;

    public Task MigrateAsync(SqliteMigrations migrations, CancellationToken cancellationToken) =>
        ReadAsync(connection => migrations.Apply(connection, _logger), cancellationToken);

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = SqliteConnections.OpenReader(_options);
        return read(connection);
    }

    public async Task<T> WriteAsync<T>(Func<SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var writer = Volatile.Read(ref _writer)
            ?? throw new ObjectDisposedException(nameof(SqliteWorkflowStore), "The workflow store is closed.");
        return await writer.EnqueueAsync(write, cancellationToken).ConfigureAwait(false);
    }
}
