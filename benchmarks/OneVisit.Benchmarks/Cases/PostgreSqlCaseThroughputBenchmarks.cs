using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Npgsql;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Benchmarks.Cases;

/// <summary>
/// Complete cases on one node with a local PostgreSQL against the embedded SQLite store in the same run (the
/// baseline), exactly as <see cref="CaseThroughputBenchmarks"/> runs them: <see cref="CaseThroughputBenchmarks.Cases"/>
/// per operation, <see cref="CaseThroughputBenchmarks.InFlight"/> in flight, time per case. The PostgreSQL cluster is
/// the tests' throwaway one (<c>tests/OneVisit.Workflows.Tests/Support/PostgresCluster.cs</c>: fsync, synchronous
/// commit and full-page writes off), started once in the global setup; each iteration gets a fresh database and a
/// fresh host in its setup, outside the measured time, and the database is dropped after it. PostgreSQL is measured
/// twice: over TCP on the loopback interface, and over the server's Unix-domain socket, the usual way a node talks to
/// a database on its own machine (each round trip then skips the TCP stack on both sides).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 10, iterationCount: 10, invocationCount: 1)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class PostgreSqlCaseThroughputBenchmarks
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private PostgresCluster? _cluster;
    private OneVisitCaseHost? _host;
    private string? _database;
    private int _iteration;

    [GlobalSetup]
    public void StartCluster() => _cluster = PostgresCluster.StartAsync(CancellationToken.None).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void StopCluster() => _cluster?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(OneVisitSqlite))]
    public void StartSqlite() => _host = OneVisitCaseHost.StartAsync().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(OneVisitPostgreSql))]
    public void StartPostgreSql() => StartPostgreSql(unixSocket: false);

    [IterationSetup(Target = nameof(OneVisitPostgreSqlUnixSocket))]
    public void StartPostgreSqlUnixSocket() => StartPostgreSql(unixSocket: true);

    [IterationCleanup]
    public void Stop()
    {
        _host?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _host = null;
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_cluster!.ConnectionString);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE \"{_database}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
            _database = null;
        }
    }

    /// <summary>The baseline: OneVisit on embedded SQLite (a fresh file per iteration).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = CaseThroughputBenchmarks.Cases)]
    public Task OneVisitSqlite() => RunAsync();

    /// <summary>OneVisit on PostgreSQL, one node (a fresh database per iteration), with its cluster machinery on.</summary>
    [Benchmark(OperationsPerInvoke = CaseThroughputBenchmarks.Cases)]
    public Task OneVisitPostgreSql() => RunAsync();

    /// <summary>The same, connected through the server's Unix-domain socket instead of TCP on 127.0.0.1.</summary>
    [Benchmark(OperationsPerInvoke = CaseThroughputBenchmarks.Cases)]
    public Task OneVisitPostgreSqlUnixSocket() => RunAsync();

    private void StartPostgreSql(bool unixSocket)
    {
        _database = $"bench_{Interlocked.Increment(ref _iteration)}";
        var connectionString = _cluster!.CreateDatabaseAsync(_database).GetAwaiter().GetResult();
        if (unixSocket)
        {
            connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Host = _cluster.SocketFolder }.ConnectionString;
        }

        _host = OneVisitCaseHost.StartPostgreSqlAsync(connectionString).GetAwaiter().GetResult();
    }

    private Task RunAsync()
    {
        var prefix = $"i{Interlocked.Increment(ref _iteration)}-";
        return CaseLoad.RunAsync(CaseThroughputBenchmarks.Cases, CaseThroughputBenchmarks.InFlight, i => _host!.RunCaseAsync(prefix + i, Timeout));
    }
}
