using BenchmarkDotNet.Attributes;
using OneVisit.Benchmarks.Synthetic;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Benchmarks.Precheck;

/// <summary>
/// The precheck target, per application, on the first procedure of the synthetic catalogue: a warm
/// <see cref="PrecheckEngine.Check"/> should take at most 20 µs, and <see cref="PrecheckEngine.CheckMany"/> per
/// application should beat Microsoft RulesEngine's 4–8 µs. The baseline evaluates the same conditions directly,
/// over facts already bound, with no NRules session and no result: the floor the engine is compared with.
/// Every method cycles through 64 varied applications.
/// </summary>
[MemoryDiagnoser]
public class PrecheckBenchmarks
{
    private const int Batch = 64;

    private PrecheckEngine _engine = null!;
    private PrecheckEngine _engineWithoutFastCompiler = null!;
    private PrecheckRequest[] _requests = null!;
    private FactValues[] _values = null!;
    private Condition[] _conditions = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var synthetic = SyntheticCatalogue.Generate(procedures: 1);
        var catalog = synthetic.Load();
        var code = SyntheticCatalogue.Code(0);
        // A tenth of the facts left unknown, and windows varied, so open questions and forwarding are exercised too.
        _requests = [.. SyntheticApplication.Draw(Batch, SyntheticCatalogue.DefaultSeed, _ => synthetic.Procedures[0], unknownShare: 0.1)
            .Select((a, i) => a.ToRequest((i % 8) switch { 0 => "hz_window", 4 => "bj_window", _ => null }))];
        _values = [.. _requests.Select(r => BoundConditions.ValuesOf(catalog.Facts, r))];
        _conditions = BoundConditions.Of(catalog.Procedures[code]);
        foreach (var condition in _conditions)
        {
            _ = condition.Evaluate(_values[0]); // compile outside the measurement
        }

        _engine = new PrecheckEngine(catalog);
        _engine.Warm(code);
        _engineWithoutFastCompiler = new PrecheckEngine(catalog, new PrecheckOptions { UseFastExpressionCompiler = false });
        _engineWithoutFastCompiler.Warm(code);
        CheckTheWorkload();
    }

    /// <summary>Every condition of the procedure evaluated once over one application's bound facts: the floor.</summary>
    [Benchmark(Baseline = true)]
    public int ConditionsOnly()
    {
        var facts = _values[Next()];
        var sum = 0;
        foreach (var condition in _conditions)
        {
            sum += (int)condition.Evaluate(facts);
        }

        return sum;
    }

    /// <summary>One application: bind the request, one NRules session, resolve the result.</summary>
    [Benchmark]
    public PrecheckResult Check() => _engine.Check(_requests[Next()]);

    /// <summary>The same with rule delegates from <c>Expression.Compile</c>: once compiled, the cost should not differ.</summary>
    [Benchmark]
    public PrecheckResult CheckWithoutFastCompiler() => _engineWithoutFastCompiler.Check(_requests[Next()]);

    /// <summary>64 applications of the procedure in one session; reported per application.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public IReadOnlyList<PrecheckResult> CheckMany() => _engine.CheckMany(_requests);

    private int Next()
    {
        var next = _next;
        _next = next + 1 == Batch ? 0 : next + 1;
        return next;
    }

    // A benchmark over applications that all take one path would flatter (or slander) the engine; make sure the
    // 64 reach different verdicts and material statuses, and that the batch path agrees with the single one.
    private void CheckTheWorkload()
    {
        var single = _requests.Select(_engine.Check).ToList();
        var batch = _engine.CheckMany(_requests);
        var slow = _requests.Select(_engineWithoutFastCompiler.Check).ToList();
        for (var i = 0; i < single.Count; i++)
        {
            if (!Same(single[i], batch[i]) || !Same(single[i], slow[i]))
            {
                throw new InvalidOperationException($"Application {i}: Check, CheckMany and the Expression.Compile engine disagree.");
            }
        }

        var verdicts = single.GroupBy(r => r.Verdict).ToDictionary(g => g.Key, g => g.Count());
        var statuses = single.SelectMany(r => r.Materials).GroupBy(m => m.Status).ToDictionary(g => g.Key, g => g.Count());
        var withQuestions = single.Count(r => r.OpenQuestions.Count > 0);
        Console.WriteLine($"// Workload: {single.Count} applications, {_conditions.Length} conditions; verdicts "
            + string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Key} {v.Value}"))
            + "; material statuses " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"))
            + $"; {withQuestions} with open questions; {single.Average(r => r.FiredRules.Count):0.0} rules fired on average.");
        if (verdicts.Count < 2 || statuses.Count < 6 || withQuestions == 0 || withQuestions == single.Count)
        {
            throw new InvalidOperationException("The synthetic applications are not varied enough to be a fair workload.");
        }

        if (_engine.Compilations != 1 || _engineWithoutFastCompiler.Compilations != 1)
        {
            throw new InvalidOperationException("The rule set compiled more than once: the measurement would not be warm.");
        }
    }

    private static bool Same(PrecheckResult a, PrecheckResult b) =>
        a.Verdict == b.Verdict
        && a.Routing.Authority.Id == b.Routing.Authority.Id
        && a.Materials.Select(m => m.Status).SequenceEqual(b.Materials.Select(m => m.Status))
        && a.OpenQuestions.Select(q => q.Fact.Path).SequenceEqual(b.OpenQuestions.Select(q => q.Fact.Path));
}

/// <summary>
/// A cold compile of one procedure's rule set (the first check of a procedure, or one evicted from the cache):
/// FastExpressionCompiler against <c>Expression.Compile</c>. Each operation is a new engine and one
/// <see cref="PrecheckEngine.Warm"/>; <see cref="NewEngineOnly"/> shows what the engine itself adds.
/// </summary>
[MemoryDiagnoser]
public class RuleSetCompileBenchmarks
{
    private ProcedureCatalog _catalog = null!;
    private string _code = null!;

    [GlobalSetup]
    public void Setup()
    {
        _catalog = SyntheticCatalogue.Generate(procedures: 1).Load();
        _code = SyntheticCatalogue.Code(0);
        // The conditions' expression trees are built once per catalogue, not per compile; build them here.
        foreach (var condition in BoundConditions.Of(_catalog.Procedures[_code]))
        {
            _ = condition.ToExpression();
        }
    }

    [Benchmark(Baseline = true)]
    public PrecheckEngine ExpressionCompile() => CompileOnce(useFastCompiler: false);

    [Benchmark]
    public PrecheckEngine FastExpressionCompile() => CompileOnce(useFastCompiler: true);

    [Benchmark]
    public PrecheckEngine NewEngineOnly() => new(_catalog, new PrecheckOptions { RuleSetCacheCapacity = 1 });

    private PrecheckEngine CompileOnce(bool useFastCompiler)
    {
        var engine = new PrecheckEngine(_catalog, new PrecheckOptions { RuleSetCacheCapacity = 1, UseFastExpressionCompiler = useFastCompiler });
        engine.Warm(_code);
        return engine;
    }
}
