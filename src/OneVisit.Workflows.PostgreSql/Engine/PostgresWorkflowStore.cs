using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using OneVisit.Workflows.Engine;
using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.Storage;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using static OneVisit.Workflows.PostgreSql.PostgresValues;

namespace OneVisit.Workflows.PostgreSql.Engine;

/// <summary>
/// WorkflowCore's persistence (<see cref="IPersistenceProvider"/>) and OneVisit's <see cref="IEngineStore"/> on the
/// PostgreSQL database the case store (<see cref="PostgresCaseStorage"/>) uses: its tables (<c>wf_</c>,
/// <see cref="PostgresWorkflowSchema"/>) beside OneVisit's own, migrated as their own component under the same
/// advisory lock. Each write is one transaction (<see cref="PostgresCaseTransaction.RunAsync"/>) that also carries
/// the case writes a step left pending, so a step's rows and the workflow's document commit together.
/// </summary>
/// <remarks>
/// Instances are stored as queryable columns plus one JSON document, written and read by the same helpers as on
/// SQLite (<see cref="WorkflowDocument"/>, <see cref="PayloadTypes"/>): only registered aliases are ever read back,
/// never a type name. Ids are new GUID strings when the caller leaves them empty.
/// </remarks>
internal sealed partial class PostgresWorkflowStore : IPersistenceProvider, IEngineStore
{
    /// <summary>The first key of the advisory lock (two-int key space) that makes one reference name one workflow: "OVWR".</summary>
    public const int ReferenceLock = 0x4F56_5752;

    internal static readonly PostgresMigrations Migrations = new(PostgresWorkflowSchema.Component, PostgresWorkflowSchema.Scripts);

    private const string WorkflowColumns = "id, definition_id, version, status, reference, next_execution, create_time, complete_time, document";
    private const string SubscriptionColumns =
        "id, workflow_id, step_id, execution_pointer_id, event_name, event_key, subscribe_as_of, subscription_data, external_token, external_worker_id, external_token_expiry";
    private const string EventColumns = "id, event_name, event_key, event_data, event_time, is_processed";

    private readonly NpgsqlDataSource _dataSource;
    private readonly AuditSeal _seal;
    private readonly PayloadTypes _payloads;
    private readonly WorkflowDocument _document;
    private readonly ILogger _logger;
    private readonly bool _uniqueReferences;
    private readonly SemaphoreSlim _initialize = new(1, 1);
    private volatile bool _ready;

    /// <summary>
    /// The engine's store beside <paramref name="cases"/>, on its data source and seal (as SQLite's engine store shares
    /// the case store's <c>SqliteDatabase</c>): a step's case writes and its workflow document commit together.
    /// </summary>
    /// <param name="cases">The case store whose data source, seal and node this store shares.</param>
    /// <param name="payloads">The registered payload types.</param>
    /// <param name="logger">Where failing scheduled commands and after-commit actions are logged.</param>
    /// <param name="uniqueReferences">A reference (the case id) names one workflow: a second start gets the first one's id.</param>
    /// <param name="givenBack">In a cluster, where a save notes the lock it gave back (its row is deleted with the save,
    /// as its fence); the node's <see cref="Cluster.PostgresClusterLocks"/> then skips the release. Null: the release
    /// sends its DELETE anyway, and it finds nothing.</param>
    public PostgresWorkflowStore(PostgresCaseStorage cases, PayloadTypes payloads, ILogger<PostgresWorkflowStore> logger, bool uniqueReferences = true, Cluster.LocksGivenBack? givenBack = null)
        : this((cases ?? throw new ArgumentNullException(nameof(cases))).DataSource, cases.Seal, payloads, logger, uniqueReferences)
    {
        _node = cases.Node;
        _givenBack = givenBack;
    }

    // The node this store saves for, when it runs in a cluster: a save then needs this node's lock on the workflow.
    private readonly Hosting.PostgresNode? _node;
    private readonly Cluster.LocksGivenBack? _givenBack;

    /// <param name="dataSource">The case store's data source (the host owns it).</param>
    /// <param name="seal">The case store's seal, for the audit lines of the case writes this store commits.</param>
    /// <param name="payloads">The registered payload types.</param>
    /// <param name="logger">Where failing scheduled commands and after-commit actions are logged.</param>
    /// <param name="uniqueReferences">A reference (the case id) names one workflow: a second start gets the first one's id.</param>
    public PostgresWorkflowStore(NpgsqlDataSource dataSource, AuditSeal seal, PayloadTypes payloads, ILogger<PostgresWorkflowStore> logger, bool uniqueReferences = true)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(seal);
        ArgumentNullException.ThrowIfNull(payloads);
        ArgumentNullException.ThrowIfNull(logger);
        _dataSource = dataSource;
        _seal = seal;
        _payloads = payloads;
        _document = new WorkflowDocument(payloads);
        _logger = logger;
        _uniqueReferences = uniqueReferences;
    }

    /// <summary>WorkflowCore calls this on host start: creates or upgrades the engine's tables.</summary>
    public void EnsureStoreExists() => InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Brings the engine's tables up to date (several nodes may call it at once); every operation also does on first use.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_ready)
        {
            return;
        }

        await _initialize.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await Migrations.ApplyAsync(_dataSource, cancellationToken).ConfigureAwait(false);
                _ready = true;
            }
        }
        finally
        {
            _initialize.Release();
        }
    }

    /// <summary>Appends to <c>wf_errors</c>; like PersistWorkflow, it finishes even when shutdown has cancelled the token.</summary>
    public async Task PersistErrors(IEnumerable<ExecutionError> errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var rows = errors.Select(e => (Time: UtcTicks.From(e.ErrorTime), e.WorkflowId, e.ExecutionPointerId, e.Message)).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await WriteAsync(t =>
        {
            foreach (var row in rows)
            {
                t.Execute(
                    "INSERT INTO wf_errors (error_time, workflow_id, execution_pointer_id, message) VALUES (@time, @workflow, @pointer, @message)",
                    c => c.Long("time", row.Time).Text("workflow", row.WorkflowId).Text("pointer", row.ExecutionPointerId).Text("message", row.Message));
            }

            return rows.Count;
        }, CancellationToken.None).ConfigureAwait(false);
    }

    private static string NewIdIfEmpty(string? id) => string.IsNullOrEmpty(id) ? Guid.NewGuid().ToString() : id;

    private async Task<T> WriteAsync<T>(Func<PostgresCaseTransaction, T> write, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await PostgresCaseTransaction.RunAsync(_dataSource, _seal, write, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One statement in a transaction of its own (autocommit): as atomic as <see cref="WriteAsync"/> around it, one round
    /// trip fewer (no COMMIT of an explicit transaction). For writes of a single statement only.
    /// </summary>
    private async Task<int> ExecuteAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(sql);
        await using (command.ConfigureAwait(false))
        {
            bind(command);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Action<NpgsqlCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _dataSource.QueryAsync(sql, bind, read, cancellationToken).ConfigureAwait(false);
    }

    private static string ReadId(DbDataReader reader) => reader.GetString(0);

    private WorkflowInstance ReadWorkflow(DbDataReader r)
    {
        var workflow = new WorkflowInstance
        {
            Id = r.GetString(0),
            WorkflowDefinitionId = NullableString(r, 1),
            Version = r.GetInt32(2),
            Status = (WorkflowStatus)r.GetInt32(3),
            Reference = NullableString(r, 4),
            NextExecution = NullableLong(r, 5),
            CreateTime = UtcTicks.ToDateTime(r.GetInt64(6)),
            CompleteTime = UtcTicks.ToDateTime(NullableLong(r, 7)),
        };
        try
        {
            _document.Populate(workflow, r.GetFieldValue<byte[]>(8));
        }
        catch (Exception e) when (e is JsonException or CorruptPayloadException or InvalidOperationException or FormatException or ArgumentException or NotSupportedException)
        {
            throw CorruptPayloadException.OfDocument(workflow, e);
        }

        return workflow;
    }

    private NpgsqlCommand BindWorkflow(NpgsqlCommand command, WorkflowInstance workflow, byte[] document) => command
        .Text("id", workflow.Id)
        .Text("definition_id", workflow.WorkflowDefinitionId)
        .Int("version", workflow.Version)
        .Int("status", (int)workflow.Status)
        .Text("reference", workflow.Reference)
        .NullableLong("next_execution", workflow.NextExecution)
        .Long("create_time", UtcTicks.From(workflow.CreateTime))
        .NullableLong("complete_time", UtcTicks.From(workflow.CompleteTime))
        .Bytes("document", document);

    private EventSubscription ReadSubscription(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        WorkflowId = NullableString(r, 1),
        StepId = r.GetInt32(2),
        ExecutionPointerId = NullableString(r, 3),
        EventName = NullableString(r, 4),
        EventKey = NullableString(r, 5),
        SubscribeAsOf = UtcTicks.ToDateTime(r.GetInt64(6)),
        SubscriptionData = _payloads.FromBytes(NullableBytes(r, 7)),
        ExternalToken = NullableString(r, 8),
        ExternalWorkerId = NullableString(r, 9),
        ExternalTokenExpiry = UtcTicks.ToDateTime(NullableLong(r, 10)),
    };

    /// <summary>A snapshot of the subscription's row (taken before the write, so the caller may go on changing it).</summary>
    private Action<NpgsqlCommand> SubscriptionValues(EventSubscription s)
    {
        var (id, workflowId, stepId, pointerId, name, key) = (s.Id, s.WorkflowId, s.StepId, s.ExecutionPointerId, s.EventName, s.EventKey);
        var (asOf, data, token, worker, expiry) = (UtcTicks.From(s.SubscribeAsOf), _payloads.ToBytes(s.SubscriptionData), s.ExternalToken, s.ExternalWorkerId, UtcTicks.From(s.ExternalTokenExpiry));
        return c => c.Text("id", id).Text("workflow_id", workflowId).Int("step_id", stepId).Text("pointer_id", pointerId).Text("name", name).Text("key", key)
            .Long("as_of", asOf).Bytes("data", data).Text("token", token).Text("worker", worker).NullableLong("expiry", expiry);
    }

    private const string InsertSubscription =
        $"INSERT INTO wf_subscriptions ({SubscriptionColumns}) VALUES (@id, @workflow_id, @step_id, @pointer_id, @name, @key, @as_of, @data, @token, @worker, @expiry)";

    private Event ReadEvent(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        EventName = NullableString(r, 1),
        EventKey = NullableString(r, 2),
        EventData = _payloads.FromBytes(NullableBytes(r, 3)),
        EventTime = UtcTicks.ToDateTime(r.GetInt64(4)),
        IsProcessed = r.GetBoolean(5),
    };

    private Action<NpgsqlCommand> EventValues(Event e)
    {
        var (id, name, key, data, time, processed) = (e.Id, e.EventName, e.EventKey, _payloads.ToBytes(e.EventData), UtcTicks.From(e.EventTime), e.IsProcessed);
        return c => c.Text("id", id).Text("name", name).Text("key", key).Bytes("data", data).Long("time", time).Bool("processed", processed);
    }

    private const string InsertEvent = $"INSERT INTO wf_events ({EventColumns}) VALUES (@id, @name, @key, @data, @time, @processed)";

    /// <summary>Name equal, key equal or both null (as SQLite's <c>IS</c>), in a form the event index serves.</summary>
    private const string SameEvent = "event_name = @name AND (event_key = @key OR (event_key IS NULL AND @key IS NULL))";
}
