using Npgsql;
using OneVisit.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace OneVisit.Workflows.Tests.PostgreSql;

/// <summary>
/// The throwaway cluster the PostgreSQL tests run on: real PostgreSQL from this machine's binaries, a database per
/// test, and a failure that says what to install instead of a silent pass.
/// </summary>
[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresClusterTests(PostgresClusterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Fixture_Cluster_AnswersAsPostgreSql15OrNewer()
    {
        output.WriteLine($"cluster from {fixture.Cluster.BinFolder} on port {fixture.Cluster.Port}, started in {fixture.StartTime.TotalMilliseconds:F0} ms");
        await using var connection = new NpgsqlConnection(await fixture.CreateDatabaseAsync());
        await connection.OpenAsync();

        var version = (string?)await new NpgsqlCommand("SELECT version()", connection).ExecuteScalarAsync();
        var number = int.Parse((string)(await new NpgsqlCommand("SHOW server_version_num", connection).ExecuteScalarAsync())!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.StartsWith("PostgreSQL ", version, StringComparison.Ordinal);
        Assert.True(number >= 150000, $"server_version_num {number}: {version}");
    }

    [Fact]
    public async Task Fixture_ListensOnLoopbackOnly_WithDurabilityOff()
    {
        await using var connection = new NpgsqlConnection(fixture.Cluster.ConnectionString);
        await connection.OpenAsync();

        Assert.Equal("127.0.0.1", await ShowAsync(connection, "listen_addresses"));
        Assert.Equal("off", await ShowAsync(connection, "fsync"));
        Assert.StartsWith(Path.GetTempPath(), fixture.Cluster.DataFolder, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDatabase_ForTwoTests_GivesSeparateDatabases()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var first = await fixture.CreateDatabaseAsync("first test");
        output.WriteLine($"a database in {clock.Elapsed.TotalMilliseconds:F0} ms");
        var second = await fixture.CreateDatabaseAsync("second test");
        await using var a = new NpgsqlConnection(first);
        await using var b = new NpgsqlConnection(second);
        await a.OpenAsync();
        await b.OpenAsync();

        await new NpgsqlCommand("CREATE TABLE cases (id text PRIMARY KEY); INSERT INTO cases VALUES ('in-first')", a).ExecuteNonQueryAsync();

        Assert.NotEqual(a.Database, b.Database);
        Assert.Equal(1L, await new NpgsqlCommand("SELECT count(*) FROM cases", a).ExecuteScalarAsync());
        Assert.Null(await new NpgsqlCommand("SELECT to_regclass('cases')::text", b).ExecuteScalarAsync() as string);
    }

    [Fact]
    public async Task CreateDatabase_WithANameThatNeedsQuoting_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Cluster.CreateDatabaseAsync("x\"; DROP DATABASE postgres; --"));
    }

    [Fact]
    public async Task StartAsync_BesideTheFixture_StartsAnotherClusterOnItsOwnPort_AndDisposeRemovesIt()
    {
        // Each StartAsync is a cluster of its own (multi-node tests may want two); sharing one is the fixture's job.
        var other = await PostgresCluster.StartAsync(CancellationToken.None);
        string folder;
        await using (other)
        {
            folder = other.DataFolder;
            Assert.NotEqual(fixture.Cluster.Port, other.Port);
            Assert.NotEqual(fixture.Cluster.DataFolder, other.DataFolder);
            await using var connection = new NpgsqlConnection(await other.CreateDatabaseAsync("other"));
            await connection.OpenAsync();
            Assert.Equal(1, await new NpgsqlCommand("SELECT 1", connection).ExecuteScalarAsync());
        }

        Assert.False(Directory.Exists(folder), "The disposed cluster's folder is still there.");
        await using var gone = new NpgsqlConnection(other.ConnectionString + ";Pooling=false;Timeout=3");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => gone.OpenAsync());

        // The fixture's cluster is untouched.
        await using var still = new NpgsqlConnection(fixture.Cluster.ConnectionString);
        await still.OpenAsync();
    }

    [Fact]
    public async Task StartAsync_AfterAHostDiedWithItsClusterRunning_StopsAndRemovesThatCluster()
    {
        // A host killed mid-run (kill -9) never disposes its cluster: the next start stops it.
        var orphan = await PostgresCluster.StartAsync(CancellationToken.None);
        await using (orphan)
        {
            using (var gone = System.Diagnostics.Process.Start("true")!)
            {
                await gone.WaitForExitAsync();
                await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(orphan.DataFolder)!, "owner.pid"), gone.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            await using (await PostgresCluster.StartAsync(CancellationToken.None))
            {
                Assert.False(Directory.Exists(orphan.DataFolder), "The dead host's cluster is still there.");
                await using var connection = new NpgsqlConnection(orphan.ConnectionString + ";Pooling=false;Timeout=3");
                await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
            }
        }

        await using var still = new NpgsqlConnection(fixture.Cluster.ConnectionString);
        await still.OpenAsync();
    }

    [Fact]
    public async Task StartAsync_FromABinFolderThatDoesNotExist_FailsSayingWhatToInstall()
    {
        var missing = Path.Combine(Path.GetTempPath(), "onevisit-no-postgresql-" + Guid.NewGuid().ToString("N"), "bin");

        var failure = await Assert.ThrowsAsync<PostgresUnavailableException>(() => PostgresCluster.StartAsync(missing, CancellationToken.None));

        Assert.Contains(missing, failure.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql", failure.Message, StringComparison.Ordinal);
        Assert.Contains("postgresql-15", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WhenInitdbFails_ReportsWhatItSaid_AndLeavesNothingBehind()
    {
        // A bin folder whose initdb fails as a broken installation would; the postgres user (under root) must run it.
        var bin = StandInBin(("initdb", "echo 'initdb: error: the broken stand-in says no' >&2; exit 1"), ("pg_ctl", "exit 1"));
        try
        {
            var before = Directory.GetDirectories(Path.GetTempPath(), "onevisit-pg-*").ToHashSet();

            var failure = await Assert.ThrowsAsync<PostgresUnavailableException>(() => PostgresCluster.StartAsync(bin, CancellationToken.None));

            Assert.Contains("initdb failed", failure.Message, StringComparison.Ordinal);
            Assert.Contains("the broken stand-in says no", failure.Message, StringComparison.Ordinal);
            Assert.Contains("apt-get install postgresql", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Directory.GetDirectories(Path.GetTempPath(), "onevisit-pg-*"), d => !before.Contains(d));
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_WhenTheServerDoesNotStart_ReportsTheServerLogsTail_AndLeavesNothingBehind()
    {
        // The real initdb, then a pg_ctl whose server writes a fatal line to its log (-l) and gives up.
        var bin = StandInBin(
            ("initdb", $"exec '{Path.Combine(fixture.Cluster.BinFolder, "initdb")}' \"$@\""),
            ("pg_ctl", """while [ $# -gt 0 ]; do [ "$1" = -l ] && log=$2; shift; done; [ -n "$log" ] && echo 'FATAL:  the stand-in server gives up' > "$log"; exit 1"""));
        try
        {
            var before = Directory.GetDirectories(Path.GetTempPath(), "onevisit-pg-*").ToHashSet();

            var failure = await Assert.ThrowsAsync<PostgresUnavailableException>(() => PostgresCluster.StartAsync(bin, CancellationToken.None));

            Assert.Contains("pg_ctl start on port", failure.Message, StringComparison.Ordinal);
            Assert.Contains("Server log (last lines):\nFATAL:  the stand-in server gives up", failure.Message, StringComparison.Ordinal);
            Assert.Contains("apt-get install postgresql", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Directory.GetDirectories(Path.GetTempPath(), "onevisit-pg-*"), d => !before.Contains(d));
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }

    /// <summary>A bin folder of stand-in scripts that the postgres user (under root) can run.</summary>
    private static string StandInBin(params (string Tool, string Body)[] tools)
    {
        var bin = Directory.CreateTempSubdirectory("onevisit-stand-in-pg-").FullName;
        var everyone = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(bin, everyone);
        foreach (var (tool, body) in tools)
        {
            File.WriteAllText(Path.Combine(bin, tool), $"#!/bin/sh\n{body}\n");
            File.SetUnixFileMode(Path.Combine(bin, tool), everyone);
        }

        return bin;
    }

    private static async Task<string?> ShowAsync(NpgsqlConnection connection, string setting) =>
        (string?)await new NpgsqlCommand($"SHOW {setting}", connection).ExecuteScalarAsync();
}
