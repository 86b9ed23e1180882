using BenchmarkDotNet.Attributes;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;

namespace OneVisit.Benchmarks.Conditions;

/// <summary>
/// One jurisdiction condition of the founding story, evaluated per application: OneVisit's compiled,
/// three-valued condition against the same logic written by hand in C# (the lower bound).
/// </summary>
[MemoryDiagnoser]
public class ConditionBenchmarks
{
    private const string Text = "enterprise.name contains \"浙江\" and enterprise.registered_capital >= 1000万";

    private FactValues _facts = null!;
    private Condition _condition = null!;
    private Enterprise _enterprise = null!;

    [GlobalSetup]
    public void Setup()
    {
        var location = SourceLocation.StartOf("facts.yaml");
        var schema = new FactSchema(
        [
            new FactEntity("enterprise", null,
            [
                new FactDefinition(new FactSymbol("enterprise", "name", FactType.Of(FactKind.Text), 0), "name", new LocalizedText("?"), location),
                new FactDefinition(new FactSymbol("enterprise", "registered_capital", FactType.Of(FactKind.Money), 1), "capital", new LocalizedText("?"), location),
            ], location),
        ]);
        _enterprise = new Enterprise("浙江某某科技有限公司", 20_000_000m);
        _facts = schema.CreateValues(new DateOnly(2017, 2, 18))
            .Set(schema.Find("enterprise.name")!, _enterprise.Name!)
            .Set(schema.Find("enterprise.registered_capital")!, _enterprise.RegisteredCapital!.Value);
        _condition = ConditionLanguage.Parse(Text, schema).Condition!;
        if (_condition.Evaluate(_facts) != Truth.True || HandWritten() != Truth.True)
        {
            throw new InvalidOperationException("The two implementations disagree; nothing to measure.");
        }
    }

    /// <summary>The same rule hard-coded over a plain C# object, with the same unknown-handling: the lower bound.</summary>
    [Benchmark(Baseline = true)]
    public Truth HandWritten()
    {
        if (_enterprise is not { Name: { } name, RegisteredCapital: { } capital })
        {
            return Truth.Unknown;
        }

        return name.Contains("浙江", StringComparison.Ordinal) && capital >= 10_000_000m ? Truth.True : Truth.False;
    }

    [Benchmark]
    public Truth Compiled() => _condition.Evaluate(_facts);

    [Benchmark]
    public ConditionResult ParseAndCheck() => ConditionLanguage.Parse(Text, _facts.Schema);
}

/// <summary>What a developer would hard-code without a catalogue.</summary>
internal sealed record Enterprise(string? Name, decimal? RegisteredCapital);
