using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Benchmarks.Cases;

/// <summary>
/// Several OneVisit nodes on one PostgreSQL database, not BenchmarkDotNet benchmarks (one process, recorded modes):
/// <list type="bullet">
/// <item><c>cluster [cases] [rounds]</c>: the same load (default 500 cases, 64 in flight, clients split round-robin
/// over the nodes) on one node and on two, alternating, <c>rounds</c> times (default 3); then one instrumented round
/// of each, which counts what a case costs: transactions, statements by kind, rows per table, lock attempts refused,
/// queue claims that found nothing, and CPU of this process against the server's.</item>
/// <item><c>cluster-latency [cases] [rate]</c>: cases submitted on node A wait for a decision; decisions are made
/// through node B at a steady rate (default 1,000 cases, 200/s); event-to-resume percentiles, beside the same on one node.</item>
/// <item><c>cluster-takeover [cases] [lease seconds] [poll seconds]</c>: node A runs as a child process and is killed
/// (SIGKILL) halfway through submitting; node B (this process) finishes every case A had acknowledged.</item>
/// </list>
/// Every node is its own service provider, hence its own node id, lock table, queues and heartbeat; in one process
/// they share the thread pool and the 2 cores with the server.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class ClusterRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private static int _databases;

    public static Task<int> RunAsync(string mode, string[] args) => mode switch
    {
        "cluster" => ThroughputAsync(args),
        "cluster-latency" => LatencyAsync(args),
        "cluster-takeover" => TakeoverAsync(args),
        "cluster-node" => NodeAsync(args),
        "cluster-wait" => WaitOnOneNodeAsync(args),
        _ => throw new ArgumentException($"Unknown mode {mode}: cluster, cluster-latency or cluster-takeover.", nameof(mode)),
    };

    private static async Task<int> ThroughputAsync(string[] args)
    {
        var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        await using var cluster = await PostgresCluster.StartAsync(CancellationToken.None).ConfigureAwait(false);
        await HeaderAsync(cluster, $"{cases} cases a round, {CaseThroughputBenchmarks.InFlight} in flight, clients split round-robin over the nodes").ConfigureAwait(false);

        // JIT and pools warm: one throwaway round of each.
        await RoundAsync(cluster, 1, cases, instrument: false).ConfigureAwait(false);
        await RoundAsync(cluster, 2, cases, instrument: false).ConfigureAwait(false);

        var timed = new Dictionary<int, List<double>> { [1] = [], [2] = [] };
        Console.WriteLine("| round | nodes | wall | cases/s | waits won by the other node |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        for (var r = 1; r <= rounds; r++)
        {
            foreach (var nodes in new[] { 1, 2 })
            {
                var result = await RoundAsync(cluster, nodes, cases, instrument: false).ConfigureAwait(false);
                timed[nodes].Add(result.PerSecond);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r} | {nodes} | {result.Wall.TotalSeconds:F2} s | {result.PerSecond:F0} | {result.Moved} |"));
            }
        }

        var one = timed[1].Average();
        var two = timed[2].Average();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Mean cases/s: 1 node {one:F0} (min {timed[1].Min():F0}, max {timed[1].Max():F0}); 2 nodes {two:F0} (min {timed[2].Min():F0}, max {timed[2].Max():F0}); ratio 2/1 = {two / one:F2}"));
        Console.WriteLine();

        var counted = new Dictionary<int, Round>();
        foreach (var nodes in new[] { 1, 2 })
        {
            counted[nodes] = await RoundAsync(cluster, nodes, cases, instrument: true).ConfigureAwait(false);
        }

        PrintCosts(cases, counted[1], counted[2]);
        return 0;
    }

    private sealed record Round(TimeSpan Wall, double PerSecond, int Moved, ClusterProbe.Snapshot? Before, ClusterProbe.Snapshot? After,
        double SelfCpu, double ServerCpu, IReadOnlyDictionary<string, long>? Statements, EventCounter? Events, long Claims, long LockAttempts);

    private static async Task<Round> RoundAsync(PostgresCluster cluster, int nodes, int cases, bool instrument)
    {
        var name = $"cluster_{Interlocked.Increment(ref _databases)}";
        var connectionString = Transport(cluster, await cluster.CreateDatabaseAsync(name).ConfigureAwait(false));
        var probe = new ClusterProbe(connectionString, cluster.DataFolder);
        var events = instrument ? new EventCounter() : null;
        var hosts = new List<OneVisitCaseHost>();
        for (var n = 0; n < nodes; n++)
        {
            var node = $"node-{(char)('a' + n)}";
            hosts.Add(await OneVisitCaseHost.StartPostgreSqlAsync(connectionString, o => o.NodeName = node, events).ConfigureAwait(false));
        }

        ClusterProbe.Snapshot? before = null;
        if (instrument)
        {
            // A backend reports its counters when it ends: close the idle ones so the start-up's are in "before".
            NpgsqlConnection.ClearAllPools();
            await probe.WaitForOtherBackendsToEndAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            before = await probe.TakeAsync().ConfigureAwait(false);
        }

        using var statements = instrument ? new StatementCounter() : null;
        var moved = 0;
        var cpu0 = (Self: probe.SelfCpu(), Server: probe.ServerCpu());
        var started = Stopwatch.GetTimestamp();
        var prefix = $"{name}-";
        await CaseLoad.RunAsync(cases, CaseThroughputBenchmarks.InFlight, async i =>
        {
            var home = hosts[i % hosts.Count];
            var submitted = await home.SubmitAsync(prefix + i).ConfigureAwait(false);
            if (await WaitAnywhereAsync(hosts, home, submitted.CaseId, s => s.Stage == CaseStage.UnderReview).ConfigureAwait(false))
            {
                Interlocked.Increment(ref moved);
            }

            await home.Officer.DecideAsync(submitted.CaseId, BenchCatalogue.Approve).ConfigureAwait(false);
            if (await WaitAnywhereAsync(hosts, home, submitted.CaseId, s => s.Stage == CaseStage.Closed).ConfigureAwait(false))
            {
                Interlocked.Increment(ref moved);
            }
        }).ConfigureAwait(false);
        var wall = Stopwatch.GetElapsedTime(started);
        var selfCpu = probe.SelfCpu() - cpu0.Self;
        var serverCpu = probe.ServerCpu() - cpu0.Server;
        var counts = statements is null ? null : new Dictionary<string, long>(statements.Counts);
        var claims = statements?.Matching("DELETE FROM wf_queue WHERE ctid") ?? 0;
        var lockAttempts = statements?.Matching("INSERT INTO wf_locks") ?? 0;
        statements?.Dispose();

        foreach (var host in hosts)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        NpgsqlConnection.ClearAllPools();
        ClusterProbe.Snapshot? after = null;
        if (instrument)
        {
            if (!await probe.WaitForOtherBackendsToEndAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false))
            {
                Console.WriteLine("(some backends had not ended 30 s after the nodes stopped: the counters below may miss their last second)");
            }

            after = await probe.TakeAsync().ConfigureAwait(false);
        }

        await DropAsync(cluster, name).ConfigureAwait(false);
        return new Round(wall, cases / wall.TotalSeconds, moved, before, after, selfCpu, serverCpu, counts, events, claims, lockAttempts);
    }

    private static void PrintCosts(int cases, Round one, Round two)
    {
        static string PerCase(double value, int cases) => (value / cases).ToString("F2", CultureInfo.InvariantCulture);
        static ClusterProbe.TableRows Delta(Round r, string table)
        {
            var a = r.After!.Tables.GetValueOrDefault(table) ?? new(0, 0, 0, 0);
            var b = r.Before!.Tables.GetValueOrDefault(table) ?? new(0, 0, 0, 0);
            return new(a.Inserted - b.Inserted, a.Updated - b.Updated, a.Deleted - b.Deleted, a.HotUpdated - b.HotUpdated);
        }

        Console.WriteLine("Instrumented round (an ActivityListener on Npgsql and trace-level counting of the lock and queue log lines; its wall time is not the timed figure):");
        Console.WriteLine();
        Console.WriteLine("| per case | 1 node | 2 nodes |");
        Console.WriteLine("| --- | ---: | ---: |");
        void Row(string what, Func<Round, double> value) => Console.WriteLine($"| {what} | {PerCase(value(one), cases)} | {PerCase(value(two), cases)} |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| cases/s in this round | {one.PerSecond:F0} | {two.PerSecond:F0} |"));
        Row("transactions committed (`pg_stat_database.xact_commit`)", r => r.After!.Commits - r.Before!.Commits);
        Row("transactions rolled back", r => r.After!.Rollbacks - r.Before!.Rollbacks);
        Row("Npgsql commands (round trips, not counting COMMIT)", r => r.Statements!.Values.Sum());
        Row("lock attempts (`INSERT INTO wf_locks … ON CONFLICT`)", r => r.LockAttempts);
        Row("lock attempts refused (attempts − wf_locks rows inserted or updated)", r => r.LockAttempts - Delta(r, "wf_locks").Inserted - Delta(r, "wf_locks").Updated);
        Row("'held by another node' log lines (2601)", r => r.Events!.Count(2601));
        Row("events blocked by a lock held elsewhere (207)", r => r.Events!.Count(207));
        Row("events blocked by a local lock (203)", r => r.Events!.Count(203));
        Row("queue claims (`DELETE FROM wf_queue … SKIP LOCKED`)", r => r.Claims);
        Row("queue claims that found nothing (claims − wf_queue rows deleted)", r => r.Claims - Delta(r, "wf_queue").Deleted);
        Row("CPU of this process (ms)", r => r.SelfCpu * 1000);
        Row("CPU of the PostgreSQL server (ms)", r => r.ServerCpu * 1000);
        Console.WriteLine();
        Console.WriteLine("Rows written per case, by table (inserted / updated / deleted; HOT updates in brackets):");
        Console.WriteLine();
        Console.WriteLine("| table | 1 node | 2 nodes |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var table in one.After!.Tables.Keys.Union(two.After!.Tables.Keys).Order(StringComparer.Ordinal))
        {
            var a = Delta(one, table);
            var b = Delta(two, table);
            if (a.Inserted + a.Updated + a.Deleted + b.Inserted + b.Updated + b.Deleted == 0)
            {
                continue;
            }

            static string Rows(ClusterProbe.TableRows d, int cases) => string.Create(CultureInfo.InvariantCulture,
                $"{(double)d.Inserted / cases:F2} / {(double)d.Updated / cases:F2} ({(double)d.HotUpdated / cases:F2}) / {(double)d.Deleted / cases:F2}");
            Console.WriteLine($"| {table} | {Rows(a, cases)} | {Rows(b, cases)} |");
        }

        Console.WriteLine();
        Console.WriteLine("Npgsql commands per case, by statement (first 72 characters):");
        Console.WriteLine();
        Console.WriteLine("| statement | 1 node | 2 nodes |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var key in one.Statements!.Keys.Union(two.Statements!.Keys).OrderByDescending(k => one.Statements.GetValueOrDefault(k) + two.Statements.GetValueOrDefault(k)))
        {
            Console.WriteLine($"| `{key.Replace("|", "\\|", StringComparison.Ordinal)}` | {PerCase(one.Statements.GetValueOrDefault(key), cases)} | {PerCase(two.Statements.GetValueOrDefault(key), cases)} |");
        }

        Console.WriteLine();
        Console.WriteLine("Log events counted (lock and queue code, all levels), whole round:");
        Console.WriteLine();
        Console.WriteLine("| source | event | 1 node | 2 nodes |");
        Console.WriteLine("| --- | --- | ---: | ---: |");
        foreach (var key in one.Events!.Counts.Keys.Union(two.Events!.Counts.Keys).OrderBy(k => k.Id))
        {
            Console.WriteLine($"| {key.Category} | {key.Id} {key.Name} | {one.Events.Counts.GetValueOrDefault(key)} | {two.Events.Counts.GetValueOrDefault(key)} |");
        }
    }

    /// <summary>
    /// Waits on every node at once and returns whether a node other than <paramref name="home"/> saw it first:
    /// <c>WaitUntilAsync</c> wakes on the saves of its own node only, so a wait on one node for a case another node runs
    /// would sleep until the timeout. Returns once the first node sees the condition; the other waits are cancelled.
    /// </summary>
    private static async Task<bool> WaitAnywhereAsync(IReadOnlyList<OneVisitCaseHost> hosts, OneVisitCaseHost home, string caseId, Func<CaseSnapshot, bool> condition)
    {
        if (hosts.Count == 1)
        {
            await home.Reads.WaitUntilAsync(caseId, condition, Timeout).ConfigureAwait(false);
            return false;
        }

        using var stop = new CancellationTokenSource();
        var waits = hosts.Select(h => h.Reads.WaitUntilAsync(caseId, condition, Timeout, stop.Token)).ToArray();
        var first = await Task.WhenAny(waits).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await first.ConfigureAwait(false);
        foreach (var wait in waits)
        {
            await ((Task)wait).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return !ReferenceEquals(hosts[Array.IndexOf(waits, first)], home);
    }

    private static async Task<int> LatencyAsync(string[] args)
    {
        var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var rate = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        await using var cluster = await PostgresCluster.StartAsync(CancellationToken.None).ConfigureAwait(false);
        await HeaderAsync(cluster, $"{cases} cases waiting for a decision; decisions at {rate}/s").ConfigureAwait(false);
        Console.WriteLine(Percentiles.Header);
        foreach (var nodes in new[] { 1, 2 })
        {
            foreach (var row in await LatencyRoundAsync(cluster, nodes, cases, rate).ConfigureAwait(false))
            {
                Console.WriteLine(row);
            }
        }

        return 0;
    }

    private static async Task<string[]> LatencyRoundAsync(PostgresCluster cluster, int nodes, int count, double rate)
    {
        var name = $"latency_{Interlocked.Increment(ref _databases)}";
        var connectionString = Transport(cluster, await cluster.CreateDatabaseAsync(name).ConfigureAwait(false));
        var hosts = new List<OneVisitCaseHost>();
        for (var n = 0; n < nodes; n++)
        {
            var node = $"node-{(char)('a' + n)}";
            hosts.Add(await OneVisitCaseHost.StartPostgreSqlAsync(connectionString, o => o.NodeName = node).ConfigureAwait(false));
        }

        var a = hosts[0];
        var b = hosts[^1];
        var ids = await SubmitUnderReviewAsync(hosts, a, name, count, inFlight: 64).ConfigureAwait(false);

        var called = new TimeSpan[count];
        var resumed = new TimeSpan[count];
        var closed = new TimeSpan[count];
        var resumedOnA = 0;
        var started = Stopwatch.GetTimestamp();
        await LatencyRun.DecideAllAsync(count, rate, async i =>
        {
            var start = Stopwatch.GetTimestamp();
            await b.Officer.DecideAsync(ids[i], BenchCatalogue.Approve).ConfigureAwait(false);
            var returned = Stopwatch.GetTimestamp();
            long decidedAt = 0;
            OneVisitCaseHost? sawIt = null;
            using var closing = new CancellationTokenSource();
            await Task.WhenAll(hosts.Select(h => WaitOneAsync(h))).ConfigureAwait(false);
            var end = Stopwatch.GetTimestamp();
            called[i] = Stopwatch.GetElapsedTime(start, returned);
            resumed[i] = Stopwatch.GetElapsedTime(start, decidedAt);
            closed[i] = Stopwatch.GetElapsedTime(start, end);
            if (nodes > 1 && ReferenceEquals(sawIt, a))
            {
                Interlocked.Increment(ref resumedOnA);
            }

            // Each node waits for the decision (its first save showing it) and the close, whichever node runs them;
            // a node that does not run the case is stopped as soon as another has seen it closed.
            async Task WaitOneAsync(OneVisitCaseHost host)
            {
                try
                {
                    await host.Reads.WaitUntilAsync(ids[i], s =>
                    {
                        if (s.Decision is not null && Interlocked.CompareExchange(ref decidedAt, Stopwatch.GetTimestamp(), 0) == 0)
                        {
                            sawIt = host;
                        }

                        return s.Stage == CaseStage.Closed;
                    }, Timeout, closing.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (closing.IsCancellationRequested)
                {
                    return;
                }

                await closing.CancelAsync().ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        var wall = Stopwatch.GetElapsedTime(started);

        foreach (var host in hosts)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        NpgsqlConnection.ClearAllPools();
        await DropAsync(cluster, name).ConfigureAwait(false);
        var label = nodes == 1
            ? "1 node (decided on the node the case waits on)"
            : $"2 nodes (waits on A, decided through B; decision first seen on A for {resumedOnA} of {count})";
        return
        [
            new Percentiles(called).Row($"{label}: `DecideAsync` on B"),
            new Percentiles(resumed).Row($"{label}: **event to resume** (`DecideAsync` called → first save showing the decision, on either node)"),
            new Percentiles(closed).Row(string.Create(CultureInfo.InvariantCulture, $"{label}: event to closed; decisions over {wall.TotalSeconds:F1} s")),
        ];
    }

    private static async Task<int> TakeoverAsync(string[] args)
    {
        var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var lease = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2);
        var poll = TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10);
        await using var cluster = await PostgresCluster.StartAsync(CancellationToken.None).ConfigureAwait(false);
        await HeaderAsync(cluster, string.Create(CultureInfo.InvariantCulture,
            $"takeover: node A (child process) submits {cases} cases and is killed with SIGKILL after half; LockLease {lease.TotalSeconds} s, HeartbeatInterval {lease.TotalSeconds / 4} s, CaseOptions.PollInterval {poll.TotalSeconds} s")).ConfigureAwait(false);
        var connectionString = await cluster.CreateDatabaseAsync("takeover").ConfigureAwait(false);
        await using var b = await OneVisitCaseHost.StartPostgreSqlAsync(connectionString, o => Cluster(o, "node-b", lease), configure: o => o.PollInterval = poll).ConfigureAwait(false);

        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ClusterRun).Assembly.Location);
        }

        foreach (var arg in new[] { "cluster-node", connectionString, cases.ToString(CultureInfo.InvariantCulture), lease.TotalSeconds.ToString(CultureInfo.InvariantCulture), poll.TotalSeconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var ids = new List<string>();
        long killedAt = 0;
        while (await child.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("case ", StringComparison.Ordinal))
            {
                ids.Add(line[5..]);
                if (ids.Count == cases / 2)
                {
                    child.Kill();
                    killedAt = Stopwatch.GetTimestamp();
                    break;
                }
            }
        }

        await child.WaitForExitAsync().ConfigureAwait(false);
        var killed = Stopwatch.GetElapsedTime(killedAt);
        var atKill = new CaseStage[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            atKill[i] = (await b.Reads.GetAsync(ids[i]).ConfigureAwait(false)).Stage;
        }

        var review = new TimeSpan[ids.Count];
        var closed = new TimeSpan[ids.Count];
        await CaseLoad.RunAsync(ids.Count, 64, async i =>
        {
            await b.Reads.WaitUntilAsync(ids[i], s => s.Stage == CaseStage.UnderReview, Timeout).ConfigureAwait(false);
            review[i] = Stopwatch.GetElapsedTime(killedAt);
            await b.Officer.DecideAsync(ids[i], BenchCatalogue.Approve).ConfigureAwait(false);
            await b.Reads.WaitUntilAsync(ids[i], s => s.Stage == CaseStage.Closed, Timeout).ConfigureAwait(false);
            closed[i] = Stopwatch.GetElapsedTime(killedAt);
        }).ConfigureAwait(false);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"A acknowledged {ids.Count} cases before SIGKILL (A's process gone {killed.TotalMilliseconds:F0} ms after the kill); stages then: {string.Join(", ", atKill.GroupBy(s => s).Select(g => $"{g.Key} {g.Count()}"))}"));
        Console.WriteLine();
        Console.WriteLine(Percentiles.Header);
        var stuck = Enumerable.Range(0, ids.Count).Where(i => atKill[i] != CaseStage.UnderReview).ToArray();
        if (stuck.Length > 0)
        {
            Console.WriteLine(new Percentiles(stuck.Select(i => review[i])).Row("SIGKILL → under review on B, cases A had not yet brought to review"));
        }

        Console.WriteLine(new Percentiles(review).Row("SIGKILL → under review on B, every case A acknowledged"));
        Console.WriteLine(new Percentiles(closed).Row("SIGKILL → closed on B (B decides each once it is under review)"));
        return 0;
    }

    /// <summary>
    /// <c>cluster-wait [cases] [timeout seconds]</c>: cases submitted on A and decided through B, each waited for on A
    /// alone with <c>WaitUntilAsync</c> (as a client of A would); counts the waits that end in a timeout although the
    /// case closed, and the time the others took.
    /// </summary>
    private static async Task<int> WaitOnOneNodeAsync(string[] args)
    {
        var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
        var timeout = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5);
        await using var cluster = await PostgresCluster.StartAsync(CancellationToken.None).ConfigureAwait(false);
        await HeaderAsync(cluster, string.Create(CultureInfo.InvariantCulture, $"{cases} cases submitted on A, decided through B, awaited on A only (timeout {timeout.TotalSeconds} s)")).ConfigureAwait(false);
        var connectionString = await cluster.CreateDatabaseAsync("wait_one").ConfigureAwait(false);
        await using var a = await OneVisitCaseHost.StartPostgreSqlAsync(connectionString, o => o.NodeName = "node-a").ConfigureAwait(false);
        await using var b = await OneVisitCaseHost.StartPostgreSqlAsync(connectionString, o => o.NodeName = "node-b").ConfigureAwait(false);
        var hosts = new[] { a, b };
        var ids = await SubmitUnderReviewAsync(hosts, a, "wait", cases, inFlight: 16).ConfigureAwait(false);

        var timedOut = 0;
        var seen = new List<TimeSpan>();
        await CaseLoad.RunAsync(cases, 16, async i =>
        {
            await b.Officer.DecideAsync(ids[i], BenchCatalogue.Approve).ConfigureAwait(false);
            var start = Stopwatch.GetTimestamp();
            try
            {
                await a.Reads.WaitUntilAsync(ids[i], s => s.Stage == CaseStage.Closed, timeout).ConfigureAwait(false);
                lock (seen)
                {
                    seen.Add(Stopwatch.GetElapsedTime(start));
                }
            }
            catch (TimeoutException)
            {
                Interlocked.Increment(ref timedOut);
            }
        }).ConfigureAwait(false);

        var closed = 0;
        foreach (var id in ids)
        {
            closed += (await b.Reads.GetAsync(id).ConfigureAwait(false)).Stage == CaseStage.Closed ? 1 : 0;
        }

        Console.WriteLine($"closed afterwards (read on B): {closed} of {cases}; waits on A that timed out: {timedOut}; waits on A that returned: {seen.Count}");
        if (seen.Count > 0)
        {
            Console.WriteLine(Percentiles.Header);
            Console.WriteLine(new Percentiles(seen).Row("`WaitUntilAsync(Closed)` on A after `DecideAsync` on B, the waits that returned"));
        }

        return 0;
    }

    /// <summary>The child of <c>cluster-takeover</c>: node A, which submits cases and prints each id until it is killed.</summary>
    private static async Task<int> NodeAsync(string[] args)
    {
        var connectionString = args[0];
        var cases = int.Parse(args[1], CultureInfo.InvariantCulture);
        var lease = TimeSpan.FromSeconds(double.Parse(args[2], CultureInfo.InvariantCulture));
        var poll = TimeSpan.FromSeconds(double.Parse(args[3], CultureInfo.InvariantCulture));
        var a = await OneVisitCaseHost.StartPostgreSqlAsync(connectionString, o => Cluster(o, "node-a", lease), configure: o => o.PollInterval = poll).ConfigureAwait(false);
        var output = Console.Out;
        await CaseLoad.RunAsync(cases, CaseThroughputBenchmarks.InFlight, async i =>
        {
            var submitted = await a.SubmitAsync($"takeover-{i}").ConfigureAwait(false);
            lock (output)
            {
                output.WriteLine("case " + submitted.CaseId);
                output.Flush();
            }
        }).ConfigureAwait(false);
        await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan).ConfigureAwait(false);
        return 0;
    }

    private static void Cluster(OneVisit.Workflows.PostgreSql.PostgreSqlCaseOptions options, string name, TimeSpan lease)
    {
        options.NodeName = name;
        options.LockLease = lease;
        options.HeartbeatInterval = lease / 4;
    }

    /// <summary>
    /// TCP on 127.0.0.1 (the default), or the server's Unix-domain socket when <c>ONEVISIT_BENCH_SOCKET=unix</c>: the
    /// usual way a node reaches a database on its own machine, without the TCP stack on either side of each round trip.
    /// </summary>
    private static string Transport(PostgresCluster cluster, string connectionString) =>
        Environment.GetEnvironmentVariable("ONEVISIT_BENCH_SOCKET") == "unix"
            ? new NpgsqlConnectionStringBuilder(connectionString) { Host = cluster.SocketFolder }.ConnectionString
            : connectionString;

    /// <summary>Submits <paramref name="count"/> cases on <paramref name="on"/> and waits until each is under review on any node; their ids.</summary>
    private static async Task<string[]> SubmitUnderReviewAsync(IReadOnlyList<OneVisitCaseHost> hosts, OneVisitCaseHost on, string prefix, int count, int inFlight)
    {
        var ids = new string[count];
        await CaseLoad.RunAsync(count, inFlight, async i =>
        {
            var submitted = await on.SubmitAsync($"{prefix}-{i}").ConfigureAwait(false);
            await WaitAnywhereAsync(hosts, on, submitted.CaseId, s => s.Stage == CaseStage.UnderReview).ConfigureAwait(false);
            ids[i] = submitted.CaseId;
        }).ConfigureAwait(false);
        return ids;
    }

    private static async Task HeaderAsync(PostgresCluster cluster, string what)
    {
        var settings = await new ClusterProbe(cluster.ConnectionString, cluster.DataFolder).SettingsAsync().ConfigureAwait(false);
        Console.WriteLine($"{what}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"PostgreSQL from {cluster.BinFolder} (the tests' throwaway cluster): {settings}");
        Console.WriteLine(Environment.GetEnvironmentVariable("ONEVISIT_BENCH_SOCKET") == "unix"
            ? $"Nodes connect through the server's Unix-domain socket in {cluster.SocketFolder} (ONEVISIT_BENCH_SOCKET=unix)."
            : "Nodes connect over TCP to 127.0.0.1 (ONEVISIT_BENCH_SOCKET=unix for the Unix-domain socket).");
        Console.WriteLine();
    }

    private static async Task DropAsync(PostgresCluster cluster, string name)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
