using Microsoft.Extensions.Options;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Testing;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>Rule sets compile once per procedure, lazily, within a bound, and the compiler choice changes nothing.</summary>
public sealed class RuleSetCacheTests
{
    [Fact]
    public void Check_ParallelFirstUseOfOneProcedure_CompilesItOnce()
    {
        var engine = new PrecheckEngine(SampleCatalogue.Catalog);
        var request = FoundingErrandTests.FromTestCase("分公司设立登记，缺两项材料，一次性告知");
        const int threads = 8;
        using var start = new Barrier(threads);
        var verdicts = new Verdict[threads];
        var workers = Enumerable.Range(0, threads).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            verdicts[i] = engine.Check(request).Verdict;
        })).ToList();

        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Equal(1, engine.Compilations);
        Assert.All(verdicts, v => Assert.Equal(Verdict.NotYet, v));
    }

    [Fact]
    public void Check_NothingCheckedYet_CompilesNothing()
    {
        var engine = new PrecheckEngine(SampleCatalogue.Catalog);

        Assert.Equal(0, engine.Compilations);
        Assert.Equal(0, engine.CachedRuleSets);
    }

    [Fact]
    public void Warm_MoreProceduresThanTheBound_EvictsTheLeastRecentlyUsed()
    {
        var engine = new PrecheckEngine(SampleCatalogue.Catalog, new PrecheckOptions { RuleSetCacheCapacity = 2 });

        engine.Warm("330100-SC-0001");
        engine.Warm("330100-SC-0002");
        engine.Warm("330100-SC-0001");
        engine.Warm("330100-SC-0003"); // evicts 0002, the least recently used
        Assert.Equal(2, engine.CachedRuleSets);
        Assert.Equal(3, engine.Compilations);

        engine.Warm("330100-SC-0001"); // still cached
        Assert.Equal(3, engine.Compilations);
        engine.Warm("330100-SC-0002"); // compiled again
        Assert.Equal(4, engine.Compilations);
    }

    [Fact]
    public void Options_CapacityBelowOne_IsRefusedAtConstruction()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new PrecheckEngine(SampleCatalogue.Catalog, new PrecheckOptions { RuleSetCacheCapacity = 0 }));

        // The same rule and words a host gets at start, naming the option, what it must be and what it was.
        Assert.Contains("PrecheckOptions.RuleSetCacheCapacity must be at least 1: the procedure being checked has to stay compiled (was 0).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithExpressionCompileInsteadOfFastExpressionCompiler_GivesTheSameAnswers()
    {
        var engine = new PrecheckEngine(SampleCatalogue.Catalog, new PrecheckOptions { UseFastExpressionCompiler = false });

        var report = PolicyTestRunner.Run(engine, SampleCatalogue.Tests);

        Assert.Equal(SampleCatalogue.Tests.Count, report.Passed);
    }

    [Fact]
    public void Check_EveryProcedureOfTheSample_CompilesAndAnswersWithNothingKnown()
    {
        var engine = new PrecheckEngine(SampleCatalogue.Catalog);

        foreach (var procedure in SampleCatalogue.Catalog.Procedures.Values)
        {
            var result = engine.Check(new PrecheckRequest { ProcedureCode = procedure.Code, AsOf = SampleCatalogue.Morning });

            Assert.Equal(procedure.Materials.Count, result.Materials.Count);
            Assert.NotNull(result.Routing.Authority);
        }
    }
}
