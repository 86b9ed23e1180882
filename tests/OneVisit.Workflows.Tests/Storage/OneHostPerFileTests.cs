using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Storage;

/// <summary>
/// One host per SQLite file: a second host on a file another host runs on does not start (it would run the same
/// cases' steps and timers and lose decisions), and the guard goes with its holder, even one killed with SIGKILL.
/// </summary>
public sealed class OneHostPerFileTests
{
    [Fact]
    public async Task SecondHost_OnAFileAHostRunsOn_IsRefusedUntilTheFirstIsDisposed()
    {
        var directory = Directory.CreateTempSubdirectory("onevisit-guard-").FullName;
        var database = Path.Combine(directory, "cases.db");
        try
        {
            await using (await CaseHarness.StartAsync(directory: directory))
            {
                var refused = await Assert.ThrowsAsync<CaseStoreInUseException>(() => CaseHarness.StartAsync(directory: directory));

                Assert.Equal(database, refused.Database);
                Assert.Contains(database, refused.Message, StringComparison.Ordinal);
                Assert.Contains("another OneVisit host", refused.Message, StringComparison.Ordinal);
                Assert.Contains("UsePostgreSql", refused.Message, StringComparison.Ordinal);
            }

            // Disposing the first host released the file.
            await using var next = await CaseHarness.StartAsync(directory: directory);
            Assert.Empty(await next.Cases.ListAsync(new CaseQuery()));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task HostKilledWithSigkill_LeavesNoStaleGuard_ANewHostStarts()
    {
        var directory = Directory.CreateTempSubdirectory("onevisit-guard-").FullName;
        var database = Path.Combine(directory, "cases.db");
        try
        {
            using (var first = ChildHost.StartCrashHost(database, Path.Combine(directory, "department.log"), count: 12, departmentLatencyMs: 120_000))
            {
                string? line;
                while ((line = await first.NextLineAsync()) is not null && line != "submitted 1")
                {
                }

                Assert.True(line is not null, "The child host ended before its first case: " + first.Errors);

                // Across processes too: the child holds the file.
                await Assert.ThrowsAsync<CaseStoreInUseException>(() => CaseHarness.StartAsync(directory: directory));

                // Process.Kill is SIGKILL on Unix: nothing of the child's shutdown runs.
                first.Process.Kill();
                await first.Process.WaitForExitAsync();
            }

            await using var next = await CaseHarness.StartAsync(directory: directory);
            Assert.NotEmpty(await next.Cases.ListAsync(new CaseQuery()));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
