using BenchmarkDotNet.Attributes;
using OneVisit.Benchmarks.Synthetic;
using OneVisit.Rules.Precheck;

namespace OneVisit.Benchmarks.Scale;

/// <summary>
/// Warm batch precheck: 512 seeded applications, 64 to each of 8 procedures spread over the catalogue, checked in
/// one <see cref="PrecheckEngine.CheckMany"/> call, which evaluates the compiled catalogue conditions directly for
/// procedures without custom rules (as here); <see cref="OneVisitCheck"/> checks them one by one through
/// <see cref="PrecheckEngine.Check"/>, an NRules session each, the path of cases and custom rules. The baseline and
/// RulesEngine (which has no batch call) check them one by one. Times are per application. Target: OneVisit's
/// population path faster than RulesEngine and within 10× of the hand-written baseline.
/// </summary>
[MemoryDiagnoser]
public class BatchPrecheckBenchmarks
{
    private const int Groups = 8;
    private const int PerProcedure = 64;
    private const int Count = Groups * PerProcedure;
    private ScaleWorkload _workload = null!;

    [Params(100, 1_000, 11_452)]
    public int Procedures { get; set; }

    [GlobalSetup]
    public void Setup() => _workload = ScaleWorkload.Grouped(Procedures, Groups, PerProcedure);

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public object? HandWritten() => _workload.CheckAllHandWritten();

    [Benchmark(OperationsPerInvoke = Count)]
    public object? RulesEngine() => _workload.CheckAllRulesEngine();

    [Benchmark(OperationsPerInvoke = Count)]
    public IReadOnlyList<PrecheckResult> OneVisitCheckMany() => _workload.OneVisit.CheckMany(_workload.Requests);

    [Benchmark(OperationsPerInvoke = Count)]
    public object? OneVisitCheck()
    {
        PrecheckResult? last = null;
        foreach (var request in _workload.Requests)
        {
            last = _workload.OneVisit.Check(request);
        }

        return last;
    }
}
