using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.Persistence.Sqlite;
using WorkflowCore.Models;

namespace OneVisit.Workflows.Tests.Engine.Persistence;

public sealed class MigrationTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task InitializeAsync_FreshFile_CreatesLatestSchemaInWalMode()
    {
        await _database.Store().InitializeAsync();

        Assert.Equal(WorkflowSchema.Scripts.Count, Version(WorkflowSchema.Component));
        Assert.Equal(0, _database.Scalar("PRAGMA user_version")); // left to whoever needs it; components use schema_versions
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task EnsureStoreExists_SecondStart_IsANoOpAndKeepsData()
    {
        string id;
        await using (var first = _database.Store())
        {
            first.EnsureStoreExists();
            id = await first.CreateNewWorkflow(WorkflowRepositoryTests.Workflow());
        }

        var second = _database.Store();
        second.EnsureStoreExists();
        second.EnsureStoreExists();

        Assert.Equal(WorkflowSchema.Scripts.Count, Version(WorkflowSchema.Component));
        Assert.NotNull(await second.GetWorkflowInstance(id));
    }

    [Fact]
    public async Task EnsureStoreExists_Version1File_UpgradesAndKeepsData()
    {
        using (var connection = _database.Open())
        {
            new SqliteMigrations(WorkflowSchema.Component, WorkflowSchema.Scripts.Take(1).ToList())
                .Apply(connection, NullLogger.Instance);
        }

        Assert.Equal(1, Version(WorkflowSchema.Component));
        _database.Execute("""
            INSERT INTO wf_instances (id, definition_id, version, status, next_execution, create_time, document)
            VALUES ('v1-case', 'case', 1, 0, 0, 0, CAST('{}' AS BLOB));
            """);

        var store = _database.Store();
        store.EnsureStoreExists();
        await store.ScheduleCommand(new ScheduledCommand { CommandName = "ProcessWorkflow", Data = "v1-case", ExecuteTime = 1 });

        Assert.Equal(WorkflowSchema.Scripts.Count, Version(WorkflowSchema.Component));
        Assert.Equal(1, _database.Scalar("SELECT count(*) FROM wf_scheduled_commands"));
        Assert.Equal(["v1-case"], await store.GetRunnableInstances(new DateTime(1, DateTimeKind.Utc)));
    }

    [Fact]
    public void Apply_SeveralComponents_KeepTheirOwnVersions()
    {
        using var connection = _database.Open();
        var ov = new SqliteMigrations("onevisit", ["CREATE TABLE ov_a (x);", "CREATE TABLE ov_b (x);"]);

        Assert.Equal(2, ov.Apply(connection, NullLogger.Instance));
        Assert.Equal(WorkflowSchema.Scripts.Count, WorkflowSchema.Migrations.Apply(connection, NullLogger.Instance));
        Assert.Equal(2, ov.Apply(connection, NullLogger.Instance));

        var ovNext = new SqliteMigrations("onevisit", ["CREATE TABLE ov_a (x);", "CREATE TABLE ov_b (x);", "CREATE TABLE ov_c (x);"]);
        Assert.Equal(3, ovNext.Apply(connection, NullLogger.Instance));
        Assert.Equal(3, Version("onevisit"));
        Assert.Equal(WorkflowSchema.Scripts.Count, Version(WorkflowSchema.Component));
    }

    [Fact]
    public void Apply_FailingScript_RollsBackThatScriptAndKeepsTheVersion()
    {
        using var connection = _database.Open();
        new SqliteMigrations("onevisit", ["CREATE TABLE ov_a (x);"]).Apply(connection, NullLogger.Instance);
        var broken = new SqliteMigrations("onevisit", ["CREATE TABLE ov_a (x);", "CREATE TABLE ov_half (x); SELECT * FROM missing;"]);

        Assert.Throws<SqliteException>(() => broken.Apply(connection, NullLogger.Instance));

        Assert.Equal(1, Version("onevisit"));
        Assert.Equal(0, _database.Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'ov_half'"));
    }

    [Fact]
    public void Apply_DatabaseNewerThanBuild_Refuses()
    {
        using var connection = _database.Open();
        new SqliteMigrations("onevisit", ["CREATE TABLE ov_a (x);", "CREATE TABLE ov_b (x);"]).Apply(connection, NullLogger.Instance);

        var old = new SqliteMigrations("onevisit", ["CREATE TABLE ov_a (x);"]);

        var error = Assert.Throws<InvalidOperationException>(() => old.Apply(connection, NullLogger.Instance));
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT id FROM wf_instances WHERE status = 0 AND next_execution <= 5 ORDER BY next_execution", "wf_instances_runnable")]
    [InlineData("SELECT id FROM wf_subscriptions WHERE event_name IS 'a' AND event_key IS 'b' AND subscribe_as_of <= 5", "wf_subscriptions_event")]
    [InlineData("SELECT id FROM wf_events WHERE event_name IS 'a' AND event_key IS 'b' AND event_time >= 5", "wf_events_event")]
    [InlineData("SELECT id FROM wf_events WHERE is_processed = 0 AND event_time <= 5 ORDER BY event_time", "wf_events_unprocessed")]
    [InlineData("SELECT data FROM wf_scheduled_commands WHERE execute_time <= 5 ORDER BY execute_time", "wf_scheduled_commands_due")]
    public async Task QueryPaths_UseTheirIndex(string query, string index)
    {
        await _database.Store().InitializeAsync();
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query;
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
    }

    private long Version(string component)
    {
        using var connection = _database.Open();
        return SqliteMigrations.ReadVersion(connection, null, component);
    }
}
