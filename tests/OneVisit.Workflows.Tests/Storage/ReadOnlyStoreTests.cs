using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Storage;

/// <summary><c>Mode=ReadOnly</c> is for inspection: the case runtime does not start on it, and the file is not touched.</summary>
public sealed class ReadOnlyStoreTests
{
    [Fact]
    public async Task StartAsync_OnAReadOnlyStore_IsRefusedAndChangesNothing()
    {
        var directory = Directory.CreateTempSubdirectory("onevisit-readonly-").FullName;
        var database = Path.Combine(directory, "cases.db");
        try
        {
            await using (var writer = await CaseHarness.StartAsync(directory: directory))
            {
                await writer.Cases.SubmitAsync(writer.Errand("01-branch-registration.yaml", "readonly-1"));
            }

            SqliteConnection.ClearAllPools();

            // Everything the first host wrote goes into the main file now: a connection of its still being returned to
            // the pool (under load) would otherwise checkpoint its WAL frames later and change the file this test hashes.
            await using (var settle = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                await settle.OpenAsync();
                await using var checkpoint = settle.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync();
            }

            var before = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(database)));
            var readOnly = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString();

            var refused = await Assert.ThrowsAsync<CaseStoreException>(() => CaseHarness.StartAsync(directory: directory, workflows: w => w.UseSqlite(readOnly)));

            Assert.Contains(database, refused.Message, StringComparison.Ordinal);
            Assert.Contains("read-only", refused.Message, StringComparison.Ordinal);
            SqliteConnection.ClearAllPools();
            Assert.Equal(before, Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(database))));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
