using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OneVisit.Benchmarks.Cases;

/// <summary>
/// What a cluster run costs the database, read from PostgreSQL's own counters and /proc: transactions committed
/// (<c>pg_stat_database</c>), rows inserted, updated and deleted per table (<c>pg_stat_user_tables</c>), and CPU time
/// of this process and of the server (the postmaster, its live children, and the children it has reaped).
/// </summary>
internal sealed class ClusterProbe(string connectionString, string dataFolder)
{
    public sealed record Snapshot(long Commits, long Rollbacks, IReadOnlyDictionary<string, TableRows> Tables, double ServerCpu, double SelfCpu);

    public sealed record TableRows(long Inserted, long Updated, long Deleted, long HotUpdated);

    /// <summary>
    /// Waits until the other backends on the database have ended, or <paramref name="atMost"/> has passed: a backend
    /// reports its counters to the statistics when it ends (an idle one within about 10 s), so only then do they hold
    /// everything the closed connections did. While nodes run, their LISTEN and heartbeat connections and their
    /// pollers' new connections never all end, hence the bound (they make a handful of transactions a second, against
    /// tens of thousands in a round). Returns whether none was left.
    /// </summary>
    public async Task<bool> WaitForOtherBackendsToEndAsync(TimeSpan atMost)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var others = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        var until = Stopwatch.GetTimestamp() + (long)(atMost.TotalSeconds * Stopwatch.Frequency);
        while ((long)(await others.ExecuteScalarAsync().ConfigureAwait(false))! > 0)
        {
            if (Stopwatch.GetTimestamp() > until)
            {
                return false;
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The counters of this database now. Close the nodes' pools first: a backend sends its counters when it ends.</summary>
    public async Task<Snapshot> TakeAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        long commits, rollbacks;
        await using (var command = new NpgsqlCommand("SELECT pg_stat_clear_snapshot(); SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()", connection))
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            await reader.NextResultAsync().ConfigureAwait(false);
            await reader.ReadAsync().ConfigureAwait(false);
            commits = reader.GetInt64(0);
            rollbacks = reader.GetInt64(1);
        }

        var tables = new Dictionary<string, TableRows>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, n_tup_hot_upd FROM pg_stat_user_tables", connection))
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                tables[reader.GetString(0)] = new TableRows(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
            }
        }

        return new Snapshot(commits, rollbacks, tables, ServerCpuSeconds(), SelfCpuSeconds());
    }

    /// <summary>The server's settings that decide what a commit costs.</summary>
    public async Task<string> SettingsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        var names = new[] { "server_version", "fsync", "synchronous_commit", "full_page_writes", "wal_level", "shared_buffers", "max_connections", "work_mem" };
        var values = new List<string>();
        foreach (var name in names)
        {
            await using var command = new NpgsqlCommand($"SHOW {name}", connection);
            values.Add($"{name}={await command.ExecuteScalarAsync().ConfigureAwait(false)}");
        }

        return string.Join(", ", values);
    }

    public double SelfCpu() => SelfCpuSeconds();

    public double ServerCpu() => ServerCpuSeconds();

    private static double SelfCpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    // utime + stime of the postmaster and of every live child, plus cutime + cstime (children it reaped).
    private double ServerCpuSeconds()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(dataFolder, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        long ticks = 0;
        foreach (var stat in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)).Select(d => Path.Combine(d, "stat")))
        {
            var fields = Fields(stat);
            if (fields is null)
            {
                continue;
            }

            // After "pid (comm)": [0]=state, [1]=ppid, ... [11]=utime, [12]=stime, [13]=cutime, [14]=cstime.
            var pid = int.Parse(Path.GetFileName(Path.GetDirectoryName(stat))!, CultureInfo.InvariantCulture);
            if (pid == postmaster)
            {
                ticks += fields[11] + fields[12] + fields[13] + fields[14];
            }
            else if (fields[1] == postmaster)
            {
                ticks += fields[11] + fields[12];
            }
        }

        return ticks / 100.0; // USER_HZ
    }

    private static long[]? Fields(string stat)
    {
        try
        {
            var text = File.ReadAllText(stat);
            var close = text.LastIndexOf(')');
            return [.. text[(close + 2)..].Split(' ').Take(15).Select(f => long.TryParse(f, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>Counts every command Npgsql sends in this process (all nodes), by the statement's first words, through its ActivitySource.</summary>
internal sealed partial class StatementCounter : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ActivityListener _listener;

    public StatementCounter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                var text = a.GetTagItem("db.query.text") as string ?? a.GetTagItem("db.statement") as string ?? a.DisplayName;
                _counts.AddOrUpdate(Key(text), 1, (_, c) => c + 1);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public long Total => _counts.Values.Sum();

    public long Matching(string prefix) => _counts.Where(c => c.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Sum(c => c.Value);

    public void Dispose() => _listener.Dispose();

    private static string Key(string text)
    {
        var flat = Spaces().Replace(text, " ").Trim();
        return flat.Length <= 72 ? flat : flat[..72] + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>Counts log lines by event id from the lock and queue code (trace level there only).</summary>
internal sealed class EventCounter : ILoggerProvider
{
    private readonly ConcurrentDictionary<(string Category, int Id, string Name), long> _counts = new();

    public IReadOnlyDictionary<(string Category, int Id, string Name), long> Counts => _counts;

    public long Count(int id) => _counts.Where(c => c.Key.Id == id).Sum(c => c.Value);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private static bool Watched(string category) =>
        category.StartsWith("OneVisit.Workflows.PostgreSql", StringComparison.Ordinal)
        || category.StartsWith("OneVisit.Workflows.Engine.Runtime", StringComparison.Ordinal);

    private sealed class Logger(EventCounter owner, string category) : ILogger
    {
        private readonly bool _watched = Watched(category);
        private readonly string _short = category[(category.LastIndexOf('.') + 1)..];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => _watched;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (_watched)
            {
                owner._counts.AddOrUpdate((_short, eventId.Id, eventId.Name ?? ""), 1, (_, c) => c + 1);
            }
        }
    }
}
