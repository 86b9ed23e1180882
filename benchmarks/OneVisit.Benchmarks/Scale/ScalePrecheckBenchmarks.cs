using BenchmarkDotNet.Attributes;
using OneVisit.Benchmarks.Synthetic;
using OneVisit.Rules.Precheck;

namespace OneVisit.Benchmarks.Scale;

/// <summary>
/// Warm precheck per application on catalogues of 100, 1,000 and 11,452 procedures: 256 seeded applications, each to
/// a procedure drawn from the whole catalogue, checked one at a time. Baseline: the same rules hand-written in
/// C#; the peer: Microsoft RulesEngine 6.0.1 with fair settings. Times are per application. Target: OneVisit at
/// most 20 µs.
/// </summary>
[MemoryDiagnoser]
public class ScalePrecheckBenchmarks
{
    private const int Count = 256;
    private ScaleWorkload _workload = null!;

    [Params(100, 1_000, 11_452)]
    public int Procedures { get; set; }

    [GlobalSetup]
    public void Setup() => _workload = ScaleWorkload.Spread(Procedures, Count);

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public object? HandWritten() => _workload.CheckAllHandWritten();

    [Benchmark(OperationsPerInvoke = Count)]
    public object? RulesEngine() => _workload.CheckAllRulesEngine();

    /// <summary>One <see cref="PrecheckEngine.Check"/> per application: a full result (notice, open questions, visits, fired rules).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public PrecheckResult? OneVisit()
    {
        PrecheckResult? last = null;
        foreach (var request in _workload.Requests)
        {
            last = _workload.OneVisit.Check(request);
        }

        return last;
    }
}
