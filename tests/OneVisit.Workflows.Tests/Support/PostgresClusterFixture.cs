using System.Runtime.CompilerServices;
using System.Text;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>
/// One throwaway PostgreSQL cluster for every test class in the "PostgreSQL" collection, started before the first
/// and dropped after the last; each test makes its own database with <see cref="CreateDatabaseAsync"/>. When the
/// cluster cannot start, every test in the collection fails with <see cref="PostgresUnavailableException"/>'s
/// message, which says what to install: they never pass silently.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    private PostgresCluster? _cluster;
    private int _databases;

    internal PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    /// <summary>How long the cluster took to start (initdb and pg_ctl start), for the record.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>
    /// A new, empty database named after the calling test (made unique), and a connection string to it.
    /// </summary>
    public Task<string> CreateDatabaseAsync([CallerMemberName] string test = "", CancellationToken cancellationToken = default)
    {
        var name = new StringBuilder();
        foreach (var c in test.ToLowerInvariant())
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
            if (name.Length == 48)
            {
                break;
            }
        }

        return Cluster.CreateDatabaseAsync($"t{Interlocked.Increment(ref _databases)}_{name}", cancellationToken);
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _cluster = await PostgresCluster.StartAsync(timeout.Token);
        StartTime = clock.Elapsed;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

/// <summary>Test classes that need PostgreSQL join this collection and take the fixture in their constructor.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresClusterFixture>
{
    public const string Name = "PostgreSQL";
}
