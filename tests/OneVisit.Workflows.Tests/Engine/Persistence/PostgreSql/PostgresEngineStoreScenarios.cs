using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.PostgreSql;
using OneVisit.Workflows.PostgreSql.Engine;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Tests.Support;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Tests.Engine.Persistence.PostgreSql;

/// <summary>One database of the run's PostgreSQL cluster, with engine stores (nodes) and case stores on it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class PostgresEngineDatabase(string connectionString) : IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _sources = [];

    public string ConnectionString { get; } = connectionString;

    /// <summary>A node: its own data source, with the engine's store and the case store sharing it.</summary>
    public async Task<(PostgresWorkflowStore Engine, PostgresCaseStorage Cases)> NodeAsync(PayloadTypes? payloads = null)
    {
        var source = NpgsqlDataSource.Create(ConnectionString);
        lock (_sources)
        {
            _sources.Add(source);
        }

        var cases = new PostgresCaseStorage(source, AuditSeal.Unkeyed);
        await cases.InitializeAsync(CancellationToken.None);
        var engine = new PostgresWorkflowStore(cases, payloads ?? TestPayloads.Create(), NullLogger<PostgresWorkflowStore>.Instance);
        await engine.InitializeAsync();
        return (engine, cases);
    }

    public Task<object?> ScalarAsync(string sql) => PostgresQuery.ScalarAsync(ConnectionString, sql);

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }
    }
}

/// <summary>The engine store's scenarios on PostgreSQL, each test on its own database.</summary>
[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresEngineStoreScenarios(PostgresClusterFixture cluster) : EngineStoreScenarios
{
    private PostgresEngineDatabase? _database;

    public override async Task InitializeAsync() =>
        _database = new PostgresEngineDatabase(await cluster.CreateDatabaseAsync(nameof(PostgresEngineStoreScenarios)));

    protected override async Task<IPersistenceProvider> OpenAsync() => (await _database!.NodeAsync()).Engine;

    protected override Type ConstraintViolation => typeof(Npgsql.PostgresException);

    public override async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>What only PostgreSQL has to show: several nodes on one database, and the case store's transaction shared.</summary>
[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresWorkflowStoreTests(PostgresClusterFixture cluster)
{
    private static readonly DateTime T0 = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private async Task<PostgresEngineDatabase> DatabaseAsync(string test) => new(await cluster.CreateDatabaseAsync(test));

    [Fact]
    public async Task InitializeAsync_EightNodesAtOnce_EngineSchemaAppliedOnce_BesideTheCaseSchema()
    {
        await using var db = await DatabaseAsync(nameof(InitializeAsync_EightNodesAtOnce_EngineSchemaAppliedOnce_BesideTheCaseSchema));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => db.NodeAsync()));

        Assert.Equal(PostgresWorkflowStore.Migrations.LatestVersion, await db.ScalarAsync("SELECT version FROM schema_versions WHERE component = 'workflows'"));
        Assert.Equal(2L, await db.ScalarAsync("SELECT count(*) FROM schema_versions"));
    }

    [Fact]
    public async Task CreateNewWorkflow_SameReferenceOnFourNodesAtOnce_OneWorkflow()
    {
        await using var db = await DatabaseAsync(nameof(CreateNewWorkflow_SameReferenceOnFourNodesAtOnce_OneWorkflow));
        var nodes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => db.NodeAsync()));

        var ids = await Task.WhenAll(nodes.Select(n => n.Engine.CreateNewWorkflow(WorkflowRepositoryTests.Workflow())));

        Assert.Single(ids.Distinct());
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM wf_instances WHERE reference = 'REF-1'"));
        Assert.Equal(ids[0], await nodes[1].Engine.FindByReferenceAsync("REF-1", CancellationToken.None));
    }

    [Fact]
    public async Task ProcessCommands_TwoNodesPollingAtOnce_EachCommandRunsOnce()
    {
        await using var db = await DatabaseAsync(nameof(ProcessCommands_TwoNodesPollingAtOnce_EachCommandRunsOnce));
        var (a, _) = await db.NodeAsync();
        var (b, _) = await db.NodeAsync();
        for (var i = 0; i < 20; i++)
        {
            await a.ScheduleCommand(new ScheduledCommand { CommandName = ScheduledCommand.ProcessEvent, Data = $"e{i}", ExecuteTime = T0.Ticks + i });
        }

        var ran = new System.Collections.Concurrent.ConcurrentBag<string>();
        async Task Run(ScheduledCommand c)
        {
            // Hands the thread back, so the two nodes interleave their commands; the lock, not timing, keeps each once.
            await Task.Yield();
            ran.Add(c.Data);
        }

        await Task.WhenAll(a.ProcessCommands(new DateTimeOffset(T0.AddMinutes(1)), Run), b.ProcessCommands(new DateTimeOffset(T0.AddMinutes(1)), Run));

        Assert.Equal(20, ran.Count);
        Assert.Equal(20, ran.Distinct().Count());
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM wf_scheduled_commands"));
    }

    [Fact]
    public async Task TryCreateClaimedEventAsync_SameKeyTwice_SecondFalse_OneEventStored()
    {
        await using var db = await DatabaseAsync(nameof(TryCreateClaimedEventAsync_SameKeyTwice_SecondFalse_OneEventStored));
        var (a, _) = await db.NodeAsync();
        var (b, _) = await db.NodeAsync();

        Assert.True(await a.TryCreateClaimedEventAsync(Event(), "case-1", "clerk", onlyWhileOpen: false, CancellationToken.None));
        Assert.False(await b.TryCreateClaimedEventAsync(Event(), "case-1", "clerk", onlyWhileOpen: false, CancellationToken.None));

        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM wf_events WHERE event_key = 'case-1/m/answer'"));
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM ov_claims"));
    }

    [Fact]
    public async Task TryCreateClaimedEventAsync_ManyNodesAtOnce_ExactlyOneWins()
    {
        await using var db = await DatabaseAsync(nameof(TryCreateClaimedEventAsync_ManyNodesAtOnce_ExactlyOneWins));
        var nodes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => db.NodeAsync()));

        var won = await Task.WhenAll(nodes.Select(n => n.Engine.TryCreateClaimedEventAsync(Event(), "case-1", "clerk", onlyWhileOpen: false, CancellationToken.None)));

        Assert.Single(won, w => w);
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM wf_events"));
    }

    [Fact]
    public async Task TryCreateClaimedEvent_InsideTheCaseStoresTransaction_CommitsAndRollsBackWithIt()
    {
        await using var db = await DatabaseAsync(nameof(TryCreateClaimedEvent_InsideTheCaseStoresTransaction_CommitsAndRollsBackWithIt));
        var (engine, cases) = await db.NodeAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => cases.WriteAsync<bool>(
            t =>
            {
                Assert.True(engine.TryCreateClaimedEvent(t, Event(), "case-1", "clerk", onlyWhileOpen: false));
                throw new InvalidOperationException("the step failed after claiming");
            },
            CancellationToken.None));
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM wf_events"));
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM ov_claims"));

        Assert.True(await cases.WriteAsync(t => engine.TryCreateClaimedEvent(t, Event(), "case-1", "clerk", onlyWhileOpen: false), CancellationToken.None));
        Assert.False(await cases.WriteAsync(t => engine.TryCreateClaimedEvent(t, Event(), "case-1", "clerk", onlyWhileOpen: false), CancellationToken.None));
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM wf_events"));
        Assert.True(await cases.IsClaimedAsync("answered", "case-1/m/answer", CancellationToken.None));
    }

    [Fact]
    public async Task TryCreateClaimedEventAsync_OnlyWhileOpen_UnknownCase_False()
    {
        await using var db = await DatabaseAsync(nameof(TryCreateClaimedEventAsync_OnlyWhileOpen_UnknownCase_False));
        var (engine, _) = await db.NodeAsync();

        Assert.False(await engine.TryCreateClaimedEventAsync(Event(), "no-such-case", "clerk", onlyWhileOpen: true, CancellationToken.None));
        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM wf_events"));
    }

    private static Event Event() => new() { EventName = "answered", EventKey = "case-1/m/answer", EventTime = T0, EventData = "yes" };
}
