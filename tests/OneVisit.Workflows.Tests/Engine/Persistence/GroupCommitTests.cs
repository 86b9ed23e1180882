using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.Persistence.Sqlite;

namespace OneVisit.Workflows.Tests.Engine.Persistence;

public sealed class GroupCommitTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    /// <summary>A writer held inside its first batch until the gate is set, so later writes queue up together.</summary>
    private async Task<(SqliteWriter Writer, ManualResetEventSlim Gate, Task<bool> Blocker)> HeldWriterAsync()
    {
        var writer = new SqliteWriter(SqliteConnections.OpenWriter(_database.Options()), 256, NullLogger.Instance);
        var gate = new ManualResetEventSlim();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = writer.EnqueueAsync(_ =>
        {
            running.SetResult();
            return gate.Wait(TimeSpan.FromSeconds(30));
        }, CancellationToken.None);
        await running.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (writer, gate, blocker);
    }

    [Fact]
    public async Task Writer_WritesQueuedTogether_ShareOneCommit_AndOnlyTheFailingOneFails()
    {
        _database.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);");
        // Hold the writer inside a batch so that the next 200 writes are all queued when it looks again.
        var (writer, gate, blocker) = await HeldWriterAsync();
        await using var _ = writer;
        using var __ = gate;
        var writes = Enumerable.Range(0, 200)
            .Select(i => writer.EnqueueAsync(tx => Insert(tx, i == 100 ? 1 : 1000 + i), CancellationToken.None))
            .ToList();
        var first = writer.EnqueueAsync(tx => Insert(tx, 1), CancellationToken.None); // id 1 is taken by write 100 -> fails
        gate.Set();

        Assert.True(await blocker);
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<SqliteException>(() => first);
        Assert.Equal(2, writer.CommittedBatches);
        Assert.Equal(200, _database.Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public async Task Writer_FailingWriteInTheMiddle_NeighboursStillCommit()
    {
        _database.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);");
        var (writer, gate, blocker) = await HeldWriterAsync();
        await using var _ = writer;
        using var __ = gate;
        var before = writer.EnqueueAsync(tx => Insert(tx, 1), CancellationToken.None);
        var failing = writer.EnqueueAsync<int>(tx =>
        {
            Insert(tx, 2); // written, then rolled back with its savepoint
            throw new InvalidOperationException("this write fails");
        }, CancellationToken.None);
        var after = writer.EnqueueAsync(tx => Insert(tx, 3), CancellationToken.None);
        gate.Set();

        await Task.WhenAll(blocker, before, after);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("this write fails", error.Message);
        Assert.Equal(4, _database.Scalar("SELECT sum(id) FROM t")); // 1 + 3, not 2
    }

    [Fact]
    public async Task Writer_Dispose_DrainsQueuedWrites_ThenRefusesNewOnes()
    {
        _database.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);");
        var writer = new SqliteWriter(
            SqliteConnections.OpenWriter(_database.Options()), 256, NullLogger.Instance);

        var writes = Enumerable.Range(1, 50).Select(i => writer.EnqueueAsync(tx => Insert(tx, i), CancellationToken.None)).ToList();
        await writer.DisposeAsync();

        await Task.WhenAll(writes);
        Assert.Equal(50, _database.Scalar("SELECT count(*) FROM t"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.EnqueueAsync(tx => Insert(tx, 99), CancellationToken.None));
    }

    [Fact]
    public async Task Store_200ConcurrentCreates_OneDuplicate_OnlyThatOneFails()
    {
        var store = _database.Store();
        var existing = WorkflowRepositoryTests.Workflow();
        existing.Id = "taken";
        await store.CreateNewWorkflow(existing);

        var creates = Enumerable.Range(0, 200).Select(i => Task.Run(() =>
        {
            var workflow = WorkflowRepositoryTests.Workflow();
            workflow.Id = i == 77 ? "taken" : null!;
            return store.CreateNewWorkflow(workflow);
        })).ToList();

        var outcome = await Task.WhenAll(creates.Select(async t =>
        {
            try
            {
                return await t;
            }
            catch (SqliteException)
            {
                return null;
            }
        }));

        Assert.Single(outcome, id => id is null);
        Assert.Equal(199, outcome.Where(id => id is not null).Distinct().Count());
        Assert.Equal(200, _database.Scalar("SELECT count(*) FROM wf_instances"));
    }

    private static int Insert(SqliteTransaction transaction, int id)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO t (id, v) VALUES ($id, 'x');";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery();
    }
}
