using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using OneVisit.Workflows.Persistence.Sqlite;
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
internal sealed partial class SqliteWorkflowStore : IPersistenceProvider, IAsyncDisposable, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly SqliteStoreOptions _options;
    private readonly PayloadTypes _payloads;
    private readonly WorkflowDocument _document;
    private readonly ILogger<SqliteWorkflowStore> _logger;
    private readonly Lock _lifecycle = new();
    private volatile bool _ready;

    /// <summary>A store on its own database (the engine alone, as in the store's own tests).</summary>
    public SqliteWorkflowStore(SqliteStoreOptions options, PayloadTypes payloads, ILogger<SqliteWorkflowStore> logger)
        : this(new SqliteDatabase(options, logger), payloads, logger, ownsDatabase: true)
    {
    }

    /// <summary>A store on the case database it shares with OneVisit's own tables (a step's writes and its document commit together).</summary>
    public SqliteWorkflowStore(SqliteDatabase database, PayloadTypes payloads, ILogger<SqliteWorkflowStore> logger)
        : this(database, payloads, logger, ownsDatabase: false)
    {
    }

    private SqliteWorkflowStore(SqliteDatabase database, PayloadTypes payloads, ILogger<SqliteWorkflowStore> logger, bool ownsDatabase)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(payloads);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _ownsDatabase = ownsDatabase;
        _options = database.Options;
        _payloads = payloads;
        _document = new WorkflowDocument(payloads);
        _logger = logger;
    }

    /// <summary>The database under the store (the case store writes through the same writer).</summary>
    public SqliteDatabase Database => _database;

    /// <summary>WorkflowCore calls this on host start: creates or upgrades the engine's tables and opens the writer.</summary>
    public void EnsureStoreExists()
    {
        if (_ready)
        {
            return;
        }

        lock (_lifecycle)
        {
            if (_ready)
            {
                return;
            }

            _database.Migrate(WorkflowSchema.Migrations);
            _database.Open();
            _ready = true;
        }
    }

    /// <summary>
    /// <see cref="EnsureStoreExists"/> off the caller's thread. Every operation also initializes on first use,
    /// so calling this is only needed to surface schema problems at startup.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        _ready ? Task.CompletedTask : Task.Run(EnsureStoreExists, cancellationToken);

    /// <summary>Closes the database when the store owns it; a shared one is closed by its owner.</summary>
    public ValueTask DisposeAsync() => _ownsDatabase ? _database.DisposeAsync() : ValueTask.CompletedTask;

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

    public Task MigrateAsync(SqliteMigrations migrations, CancellationToken cancellationToken) => _database.MigrateAsync(migrations, cancellationToken);

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _database.ReadAsync(read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<T> WriteAsync<T>(Func<SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _database.WriteAsync(write, cancellationToken).ConfigureAwait(false);
    }
}
