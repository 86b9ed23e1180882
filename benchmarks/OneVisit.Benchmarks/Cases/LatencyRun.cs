using System.Diagnostics;
using System.Globalization;
using OneVisit.Workflows.Cases;

namespace OneVisit.Benchmarks.Cases;

/// <summary>
/// Event-to-resume latency, not a BenchmarkDotNet benchmark: <c>latency [cases] [rate]</c>. Starts
/// <c>cases</c> (default 1,000) cases on a fresh SQLite file and lets every one reach review, so all of them
/// wait for a decision; then decides them one at a time (rate 0, the default: each decision waits for the
/// previous case to close) or at a steady rate per second, and prints markdown tables of the latencies.
/// The same is then done on plain WorkflowCore (in-memory, 100 ms poll) for comparison.
/// </summary>
internal static class LatencyRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var rate = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        Console.WriteLine($"{cases} cases waiting for a decision; decisions {(rate > 0 ? $"at {rate}/s" : "one at a time")}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine();
        Console.WriteLine(Percentiles.Header);
        foreach (var row in await OneVisitAsync(cases, rate).ConfigureAwait(false))
        {
            Console.WriteLine(row);
        }

        foreach (var row in await WorkflowCoreAsync(cases, rate).ConfigureAwait(false))
        {
            Console.WriteLine(row);
        }

        return 0;
    }

    private static async Task<string[]> OneVisitAsync(int count, double rate)
    {
        await using var host = await OneVisitCaseHost.StartAsync().ConfigureAwait(false);
        var ids = new string[count];
        await CaseLoad.RunAsync(count, 64, async i =>
        {
            var submitted = await host.SubmitAsync($"latency-{i}").ConfigureAwait(false);
            await host.Reads.WaitUntilAsync(submitted.CaseId, s => s.Stage == CaseStage.UnderReview, Timeout).ConfigureAwait(false);
            ids[i] = submitted.CaseId;
        }).ConfigureAwait(false);

        var called = new TimeSpan[count];
        var resumed = new TimeSpan[count];
        var closed = new TimeSpan[count];
        await DecideAllAsync(count, rate, async i =>
        {
            var start = Stopwatch.GetTimestamp();
            await host.Officer.DecideAsync(ids[i], BenchCatalogue.Approve).ConfigureAwait(false);
            var returned = Stopwatch.GetTimestamp();
            long decidedAt = 0;
            await host.Reads.WaitUntilAsync(ids[i], s =>
            {
                // WaitUntilAsync reads the case after each save; the first read that shows the decision is the resume.
                if (s.Decision is not null && decidedAt == 0)
                {
                    decidedAt = Stopwatch.GetTimestamp();
                }

                return s.Stage == CaseStage.Closed;
            }, Timeout).ConfigureAwait(false);
            var end = Stopwatch.GetTimestamp();
            called[i] = Stopwatch.GetElapsedTime(start, returned);
            resumed[i] = Stopwatch.GetElapsedTime(returned, decidedAt);
            closed[i] = Stopwatch.GetElapsedTime(returned, end);
        }).ConfigureAwait(false);

        // What WaitUntilAsync adds to each observation: one read of the case.
        var reads = new TimeSpan[Math.Min(count, 1000)];
        for (var i = 0; i < reads.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await host.Reads.GetAsync(ids[i]).ConfigureAwait(false);
            reads[i] = Stopwatch.GetElapsedTime(start);
        }

        return
        [
            new Percentiles(called).Row("OneVisit/SQLite: `DecideAsync` call (validates against the stored case, publishes)"),
            new Percentiles(resumed).Row("OneVisit/SQLite: **event to resume** (`DecideAsync` returned → first save showing the decision)"),
            new Percentiles(closed).Row("OneVisit/SQLite: event to closed (`DecideAsync` returned → `WaitUntilAsync(Closed)` returns)"),
            new Percentiles(reads).Row("OneVisit/SQLite: one `GetAsync` (what `WaitUntilAsync` adds per save it sees)"),
        ];
    }

    private static async Task<string[]> WorkflowCoreAsync(int count, double rate)
    {
        await using var host = await RawWorkflowCoreHost.StartAsync(TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
        var ids = new string[count];
        var decided = new Task[count];
        var closedSignals = new Task[count];
        await CaseLoad.RunAsync(count, 64, async i =>
        {
            var id = $"raw-{i}";
            var underReview = host.Signals.Expect(id, RawCaseSignals.UnderReview);
            decided[i] = host.Signals.Expect(id, RawCaseSignals.Decided);
            closedSignals[i] = host.Signals.Expect(id, RawCaseSignals.Closed);
            await host.Host.StartWorkflow(RawCaseWorkflow.WorkflowId, 1, new RawCase { CaseId = id, SubmittedAt = DateTime.UtcNow }, id).ConfigureAwait(false);
            await underReview.WaitAsync(Timeout).ConfigureAwait(false);
            ids[i] = id;
        }).ConfigureAwait(false);

        // The review step signals before WorkflowCore saves its subscription; let every save land first.
        await Task.Delay(500).ConfigureAwait(false);
        var resumed = new TimeSpan[count];
        var closed = new TimeSpan[count];
        await DecideAllAsync(count, rate, async i =>
        {
            await host.Host.PublishEvent(RawWorkflowCoreHost.DecisionEvent, ids[i], "approved", DateTime.UtcNow).ConfigureAwait(false);
            var returned = Stopwatch.GetTimestamp();
            await decided[i].WaitAsync(Timeout).ConfigureAwait(false);
            resumed[i] = Stopwatch.GetElapsedTime(returned);
            await closedSignals[i].WaitAsync(Timeout).ConfigureAwait(false);
            closed[i] = Stopwatch.GetElapsedTime(returned);
        }).ConfigureAwait(false);
        return
        [
            new Percentiles(resumed).Row("WorkflowCore/in-memory, 100 ms poll: event to resume (`PublishEvent` returned → review step runs with it)"),
            new Percentiles(closed).Row("WorkflowCore/in-memory, 100 ms poll: event to closed"),
        ];
    }

    /// <summary>One at a time (rate 0), or started at a steady rate regardless of how long each takes.</summary>
    internal static async Task DecideAllAsync(int count, double rate, Func<int, Task> decide)
    {
        if (rate <= 0)
        {
            for (var i = 0; i < count; i++)
            {
                await decide(i).ConfigureAwait(false);
            }

            return;
        }

        var started = Stopwatch.GetTimestamp();
        var running = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due).ConfigureAwait(false);
            }

            var index = i;
            running.Add(Task.Run(() => decide(index)));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }
}
