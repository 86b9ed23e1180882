using System.Diagnostics;
using OneVisit.Workflows.Engine.Runtime;
using WorkflowCore.Interface;
using Xunit.Abstractions;

namespace OneVisit.Workflows.Tests.Engine.Runtime;

/// <summary>
/// The measurement that motivated the runtime: three near-simultaneous events joined by one
/// instance, for many instances at once. With WorkflowCore's defaults a blocked event waited
/// for the 10 s poll; here the slowest join must finish well inside one poll interval.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class JoinLatencyTests(ITestOutputHelper output)
{
    private const int Instances = 80;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ThreeEventJoin_CompletesEveryInstance_WellInsideThePollInterval()
    {
        await using var host = await TestWorkflowHost.StartAsync(
            new RuntimeTuning { PollInterval = PollInterval },
            h => h.RegisterWorkflow<JoinWorkflow, NoData>());

        var latencies = await MeasureJoinsAsync(host);

        Report("OneVisit runtime", latencies);
        Assert.True(latencies.Max() < TimeSpan.FromSeconds(1), $"slowest join took {latencies.Max()}");
    }

    [Fact(Skip = "Measures WorkflowCore's defaults, which fail the latency bound; run by hand to compare.")]
    public async Task ThreeEventJoin_WithWorkflowCoreDefaults_IsBoundByThePoll()
    {
        await using var host = await TestWorkflowHost.StartAsync(
            tuning: null,
            h => h.RegisterWorkflow<JoinWorkflow, NoData>(),
            defaultsPollInterval: PollInterval);

        var latencies = await MeasureJoinsAsync(host);

        Report("WorkflowCore defaults", latencies);
        Assert.True(latencies.Max() < TimeSpan.FromSeconds(1), $"slowest join took {latencies.Max()}");
    }

    private static async Task<TimeSpan[]> MeasureJoinsAsync(TestWorkflowHost host)
    {
        var ids = new string[Instances];
        for (var i = 0; i < Instances; i++)
        {
            ids[i] = await host.Host.StartWorkflow(new JoinWorkflow().Id, 1, new NoData());
        }

        // Every instance waits on all three keys before anything is published.
        await Task.WhenAll(ids.Select(id => host.Store.WhenSubscribed(id, 3))).WaitAsync(Safety);

        var published = new long[Instances];
        var events = ids.SelectMany((id, index) => new[] { "a", "b", "c" }.Select(key => (id, index, key))).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var publishers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            await start.Task;
            for (var e = worker; e < events.Length; e += 4)
            {
                var (id, index, key) = events[e];
                Interlocked.CompareExchange(ref published[index], Stopwatch.GetTimestamp(), 0);
                await host.Host.PublishEvent(JoinWorkflow.EventName, $"{id}:{key}", key);
            }
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(publishers).WaitAsync(Safety);

        var completions = ids.Select(CompletionProbe.Completion).ToArray();
        try
        {
            await Task.WhenAll(completions).WaitAsync(Safety);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{completions.Count(c => !c.IsCompleted)} of {Instances} instances never joined within {Safety}");
        }

        var latencies = ids.Select((_, i) => Stopwatch.GetElapsedTime(published[i], completions[i].Result)).ToArray();
        foreach (var id in ids)
        {
            CompletionProbe.Forget(id);
        }

        return latencies;
    }

    private void Report(string configuration, TimeSpan[] latencies)
    {
        var sorted = latencies.Order().ToArray();
        TimeSpan At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        output.WriteLine(
            $"{configuration}: {sorted.Length} joins, publish->complete p50 {At(0.5).TotalMilliseconds:F0} ms, " +
            $"p95 {At(0.95).TotalMilliseconds:F0} ms, p100 {sorted[^1].TotalMilliseconds:F0} ms, " +
            $"over 1 s: {sorted.Count(l => l >= TimeSpan.FromSeconds(1))}");
    }
}
