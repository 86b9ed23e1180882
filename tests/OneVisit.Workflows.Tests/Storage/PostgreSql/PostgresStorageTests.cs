using Npgsql;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.PostgreSql;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Tests.Support;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Storage.PostgreSql;

/// <summary>What the contract cannot say about PostgreSQL: several nodes at once, the append-only table, its errors.</summary>
[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresStorageTests(PostgresClusterFixture cluster)
{
    private static CancellationToken None => CancellationToken.None;

    private static async Task<T> WithNodesAsync<T>(string connectionString, int nodes, Func<PostgresCaseStorage[], Task<T>> use, AuditSeal? seal = null)
    {
        var sources = Enumerable.Range(0, nodes).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            return await use([.. sources.Select(s => new PostgresCaseStorage(s, seal ?? AuditSeal.Unkeyed))]);
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }


    [Fact]
    public async Task InitializeAsync_EightNodesStartingAtOnce_ApplyTheSchemaOnce()
    {
        var db = await cluster.CreateDatabaseAsync();

        await WithNodesAsync(db, 8, async nodes =>
        {
            await Task.WhenAll(nodes.Select(n => n.InitializeAsync(None)));
            return true;
        });

        Assert.Equal(PostgresCaseStorage.Migrations.LatestVersion, await PostgresQuery.ScalarAsync(db, "SELECT version FROM schema_versions WHERE component = 'onevisit.cases'"));
        Assert.Equal(1L, await PostgresQuery.ScalarAsync(db, "SELECT count(*) FROM schema_versions"));
    }

    [Theory]
    [InlineData("UPDATE ov_audit SET detail = 'forged'")]
    [InlineData("DELETE FROM ov_audit")]
    [InlineData("TRUNCATE ov_audit")]
    public async Task AuditTable_ChangedBehindTheStore_Refused(string sql)
    {
        var db = await cluster.CreateDatabaseAsync();
        await WithNodesAsync(db, 1, async nodes =>
        {
            await nodes[0].InitializeAsync(None);
            await nodes[0].AppendAuditAsync("k1", Line("case-1", "original"), None);
            return true;
        });

        var refused = await Assert.ThrowsAsync<PostgresException>(() => PostgresQuery.ScalarAsync(db, sql));

        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.Equal("original", await PostgresQuery.ScalarAsync(db, "SELECT detail FROM ov_audit"));
        var translated = new PostgresCaseStorage(NpgsqlDataSource.Create(db), AuditSeal.Unkeyed).Translate(refused);
        Assert.False(translated!.MayRetry);
    }

    [Fact]
    public async Task AppendAuditAsync_FourNodesAppendingToOneCaseAtOnce_OneUnforkedChainThatVerifies()
    {
        var db = await cluster.CreateDatabaseAsync();
        var seal = AuditSeal.WithKey([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

        var chain = await WithNodesAsync(
            db,
            4,
            async nodes =>
            {
                await nodes[0].InitializeAsync(None);
                await Task.WhenAll(nodes.SelectMany((node, n) => Enumerable.Range(0, 25).Select(i => Task.Run(() =>
                    i % 2 == 0
                        ? node.AppendAuditAsync($"n{n}-{i}", Line("case-1", $"node {n} line {i}", at: At(i)), None)
                        : node.WriteAsync(t =>
                        {
                            t.AppendAudit($"n{n}-{i}", Line("case-1", $"node {n} line {i}", at: At(i)));
                            t.AppendAudit($"n{n}-{i}", Line("case-1", "repeated key"));
                            return true;
                        }, None)))));
                return await nodes[1].AuditChainAsync("case-1", None);
            },
            seal);

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), chain.Lines.Select(l => l.ChainIndex!.Value));
        string? previous = null;
        foreach (var line in chain.Lines)
        {
            Assert.Equal(AuditSeal.Hash(line.Entry, line.ChainIndex!.Value, previous), line.Hash);
            Assert.Equal(seal.Mac(line.Hash!), line.Mac);
            previous = line.Hash;
        }

        Assert.True(chain.Lines.Zip(chain.Lines.Skip(1)).All(p => p.First.Entry.Sequence < p.Second.Entry.Sequence), "append order follows the chain");
    }

    [Fact]
    public async Task AppendAuditAsync_WaitingForTheChainLockWhileAnotherNodeAppends_ChainsOnTheLineCommittedMeanwhile()
    {
        // The head read after the lock must see what the holder committed while the lock was waited for (its own
        // snapshot, taken after the wait). Here the wait is made certain (seen in pg_locks), not left to a race.
        var db = await cluster.CreateDatabaseAsync();
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();

        var chain = await WithNodesAsync(
            db,
            2,
            async nodes =>
            {
                await nodes[0].InitializeAsync(None);
                await nodes[0].AppendAuditAsync("k0", Line("case-1", "zero"), None);
                var holder = Task.Run(() => nodes[0].WriteAsync(
                    t =>
                    {
                        t.AppendAudit("k1", Line("case-1", "one", at: At(1)));
                        holding.Set();
                        release.Wait(TimeSpan.FromSeconds(30));
                        return true;
                    },
                    None));
                Assert.True(holding.Wait(TimeSpan.FromSeconds(30)));
                var waiter = Task.Run(() => nodes[1].AppendAuditAsync("k2", Line("case-1", "two", at: At(2)), None));
                var deadline = DateTime.UtcNow.AddSeconds(30);
                // PostgreSQL announces no lock wait, so pg_locks is read until it shows one.
                while (await PostgresQuery.ScalarAsync<long>(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == 0)
                {
                    Assert.True(DateTime.UtcNow < deadline, "the second append never waited for the chain lock");
                    await Task.Delay(20);
                }

                release.Set();
                await Task.WhenAll(holder, waiter);
                return await nodes[1].AuditChainAsync("case-1", None);
            });

        Assert.Equal(["zero", "one", "two"], chain.Lines.Select(l => l.Entry.Detail));
        Assert.Equal([0L, 1L, 2L], chain.Lines.Select(l => l.ChainIndex!.Value));
        Assert.Equal(AuditSeal.Hash(chain.Lines[2].Entry, 2, chain.Lines[1].Hash), chain.Lines[2].Hash);
    }

    [Fact]
    public async Task AppendAudit_LineCommittedAfterTheHeadWasRead_TransactionRunsAgainAndChainsAfterIt()
    {
        // A transaction tries the chain lock and reads the head in one statement, whose snapshot can predate the commit
        // of the previous holder. That commit is made certain here: a line is written at the position this transaction
        // read as free, after it read it and before it sends its writes. The position's unique constraint refuses the
        // second line, and the transaction runs again with the lock taken first, so the chain neither forks nor breaks.
        var db = await cluster.CreateDatabaseAsync();
        var runs = 0;

        var chain = await WithNodesAsync(db, 1, async nodes =>
        {
            await nodes[0].InitializeAsync(None);
            await nodes[0].AppendAuditAsync("k0", Line("case-1", "zero"), None);
            var zero = Assert.Single((await nodes[0].AuditChainAsync("case-1", None)).Lines);
            await nodes[0].WriteAsync(
                t =>
                {
                    t.AppendAudit("k2", Line("case-1", "two", at: At(2)));
                    if (Interlocked.Increment(ref runs) == 1)
                    {
                        InsertLine(db, "k1", Line("case-1", "one", at: At(1)), 1, zero.Hash);
                    }

                    return true;
                },
                None);
            return await nodes[0].AuditChainAsync("case-1", None);
        });

        Assert.Equal(2, runs);
        Assert.Equal(["zero", "one", "two"], chain.Lines.Select(l => l.Entry.Detail));
        Assert.Equal([0L, 1L, 2L], chain.Lines.Select(l => l.ChainIndex!.Value));
        Assert.Equal(AuditSeal.Hash(chain.Lines[2].Entry, 2, chain.Lines[1].Hash), chain.Lines[2].Hash);
    }

    /// <summary>A line written as another node's committed append would be, on a connection of its own.</summary>
    private static void InsertLine(string db, string key, AuditEntry entry, long index, string? previous)
    {
        using var connection = new NpgsqlConnection(db);
        connection.Open();
        using var insert = new NpgsqlCommand(
            "INSERT INTO ov_audit (entry_key, case_id, subject_id, at, actor, action, detail, chain_index, hash) VALUES (@key, @case, @subject, @at, @actor, @action, @detail, @index, @hash)",
            connection);
        insert.Parameters.AddWithValue("key", key);
        insert.Parameters.AddWithValue("case", entry.CaseId);
        insert.Parameters.AddWithValue("subject", entry.SubjectId);
        insert.Parameters.AddWithValue("at", entry.At.ToUniversalTime());
        insert.Parameters.AddWithValue("actor", entry.Actor);
        insert.Parameters.AddWithValue("action", entry.Action);
        insert.Parameters.AddWithValue("detail", entry.Detail);
        insert.Parameters.AddWithValue("index", index);
        insert.Parameters.AddWithValue("hash", AuditSeal.Hash(entry, index, previous));
        insert.ExecuteNonQuery();
    }

    [Fact]
    public async Task TryInsertCaseAsync_SameKeyOnFourNodesAtOnce_OneCaseAndEveryOtherCallerGetsIt()
    {
        var db = await cluster.CreateDatabaseAsync();

        var (results, rows) = await WithNodesAsync(db, 4, async nodes =>
        {
            await nodes[0].InitializeAsync(None);
            var results = await Task.WhenAll(nodes.SelectMany((node, n) => Enumerable.Range(0, 5).Select(i => Task.Run(() =>
                node.TryInsertCaseAsync(Case($"case-{n}-{i}", idempotencyKey: "submission-1"), None)))));
            return (results, await nodes[3].CasesWithoutWorkflowAsync(None));
        });

        var row = Assert.Single(rows);
        Assert.Single(results, r => r is null);
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(row, r));
    }

    [Fact]
    public async Task ListCasesAsync_AuthorityFilter_OnlyThoseAuthoritiesAndNoneForAnEmptyList()
    {
        var db = await cluster.CreateDatabaseAsync();

        var (some, none) = await WithNodesAsync(db, 1, async nodes =>
        {
            var store = nodes[0];
            await store.InitializeAsync(None);
            foreach (var (id, authority) in new[] { ("case-1", "authority-1"), ("case-2", "authority-2"), ("case-3", "authority-'3") })
            {
                await store.TryInsertCaseAsync(Case(id, submittedAt: At(int.Parse(id[^1..], System.Globalization.CultureInfo.InvariantCulture))) with { AuthorityId = authority }, None);
                await store.SetWorkflowAsync(id, $"wf-{id}", None);
            }

            return (await store.ListCasesAsync(null, ["authority-'3", "authority-1"], openOnly: false, 10, None),
                    await store.ListCasesAsync(null, [], openOnly: false, 10, None));
        });

        Assert.Equal(["case-3", "case-1"], some.Select(c => c.CaseId));
        Assert.Empty(none);
    }

    [Fact]
    public async Task Translate_DatabaseUnreachable_MayRetry()
    {
        var builder = new NpgsqlConnectionStringBuilder(await cluster.CreateDatabaseAsync()) { Port = 1, Timeout = 2 };
        await using var source = NpgsqlDataSource.Create(builder.ConnectionString);
        var store = new PostgresCaseStorage(source, AuditSeal.Unkeyed);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => store.FindCaseAsync("case-1", None));

        Assert.True(store.Translate(failure)!.MayRetry);
    }
}
