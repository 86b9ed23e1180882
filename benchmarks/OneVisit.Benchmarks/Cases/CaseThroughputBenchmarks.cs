using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace OneVisit.Benchmarks.Cases;

/// <summary>
/// Complete cases end to end, <see cref="Cases"/> per operation with at most <see cref="InFlight"/> at once;
/// the reported time is per case (<c>OperationsPerInvoke</c>), so cases/s = 1 s / Mean. Each case is submitted,
/// waited for until it is under review (its two evidence requests answered at once by simulated departments),
/// decided by the benchmark as an officer, and waited for until it is closed. Every iteration starts a fresh
/// host (and, for OneVisit, a fresh SQLite file) in its setup, outside the measured time.
/// </summary>
[MemoryDiagnoser]
// Monitoring: each iteration is one long operation with its own setup. Ten warm-ups, because tiered JIT takes
// about ten 500-case iterations to settle (the first ones ran at half the settled rate).
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 10, iterationCount: 10, invocationCount: 1)]
public class CaseThroughputBenchmarks
{
    public const int Cases = 500;
    public const int InFlight = 64;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private OneVisitCaseHost? _oneVisit;
    private RawWorkflowCoreHost? _raw;
    private int _iteration;

    [IterationSetup(Target = nameof(OneVisitSqlite))]
    public void StartOneVisit() => _oneVisit = OneVisitCaseHost.StartAsync().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(WorkflowCoreInMemory))]
    public void StartRawFastPoll() => _raw = RawWorkflowCoreHost.StartAsync(TimeSpan.FromMilliseconds(100)).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(WorkflowCoreInMemoryDefaultPoll))]
    public void StartRawDefaultPoll() => _raw = RawWorkflowCoreHost.StartAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();

    [IterationCleanup]
    public void Stop()
    {
        _oneVisit?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _raw?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _oneVisit = null;
        _raw = null;
    }

    /// <summary>The baseline: plain WorkflowCore exactly as it comes (in-memory store, 10 s poll, 100 ms idle time).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Cases)]
    public Task WorkflowCoreInMemoryDefaultPoll() => RunAsync(id => _raw!.RunCaseAsync(id, Timeout));

    /// <summary>Plain WorkflowCore with its poll shortened to 100 ms, so an event it misses waits at most that.</summary>
    [Benchmark(OperationsPerInvoke = Cases)]
    public Task WorkflowCoreInMemory() => RunAsync(id => _raw!.RunCaseAsync(id, Timeout));

    /// <summary>OneVisit's runtime on embedded SQLite, through the public <c>ICaseService</c>.</summary>
    [Benchmark(OperationsPerInvoke = Cases)]
    public Task OneVisitSqlite() => RunAsync(key => _oneVisit!.RunCaseAsync(key, Timeout));

    private Task RunAsync(Func<string, Task> runCase)
    {
        var prefix = $"i{Interlocked.Increment(ref _iteration)}-";
        return CaseLoad.RunAsync(Cases, InFlight, i => runCase(prefix + i));
    }
}
