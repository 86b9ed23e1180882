using OneVisit.Rules.Authoring.Internal;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.WhatIf.Populations.Internal;

/// <summary>
/// Reads a generated population's spec file into a <see cref="PopulationSpec"/> with the positions of its entries
/// and facts. Values are read by the fact's type, so the catalogue's fact schema is needed here; the rest of the
/// checks are <see cref="SpecChecker"/>'s.
/// </summary>
internal sealed class SpecFileReader(FileContext context, CatalogTerms terms)
{
    public PopulationSpec? Read(YNode? root)
    {
        var map = context.Mapping(root ?? new YMapping(1, 1, 0), "population spec");
        if (map is null)
        {
            return null;
        }

        var name = map.String("population", required: true);
        var seed = map.Required("seed") is { } s ? WholeNumber(s, "seed", 0, long.MaxValue) : null;
        var situations = map.Required("situations") is { } n ? WholeNumber(n, "number of situations", 1, 1_000_000_000) : null;
        var entries = map.List("entries", Entry, required: true);
        map.Finish();
        return name is null || seed is null || situations is null
            ? null
            : new PopulationSpec { Name = name, Seed = (ulong)seed.Value, Situations = situations.Value, Entries = entries };
    }

    private PopulationEntry? Entry(YNode node)
    {
        if (context.Mapping(node, "population entry") is not { } map)
        {
            return null;
        }

        var code = map.String("code", required: true);
        var volume = map.Decimal("volume", required: true);
        var facts = new List<FactDistribution>();
        if (map.Optional("facts") is { } factsNode && context.Mapping(factsNode, "set of facts (entity.field: how its values are spread)") is { } factMap)
        {
            foreach (var (key, value) in factMap.Entries)
            {
                if (terms.Fact(key.Value) is not { } fact)
                {
                    context.Error(DiagnosticCodes.UnknownReference, key, terms.UnknownFact(key.Value));
                }
                else if (Distribution(fact, value) is { } distribution)
                {
                    facts.Add(distribution with { Location = context.At(key) });
                }
            }
        }

        map.Finish();
        return code is null || volume is null ? null : new PopulationEntry(code, (double)volume.Value, facts) { Location = context.At(map.Node) };
    }

    private FactDistribution? Distribution(FactSymbol fact, YNode node) => node switch
    {
        YScalar { IsNull: true } => new FixedFact(fact.Path, null),
        YScalar scalar => Value(fact, scalar) is { } value ? new FixedFact(fact.Path, value) : null,
        YMapping { Entries: [var (key, bounds)] } when key.Value == "between" && fact.Type.Kind is FactKind.Number or FactKind.Money or FactKind.Date
            => Range(fact, bounds),
        YMapping mapping => Shares(fact, mapping),
        _ => Wrong(fact, node),
    };

    private FactShares? Shares(FactSymbol fact, YMapping mapping)
    {
        var shares = new List<ValueShare>();
        var readable = true;
        foreach (var (key, shareNode) in mapping.Entries)
        {
            var value = key.IsNull ? null : Value(fact, key);
            var share = context.Decimal(shareNode, $"share of {fact.Path}");
            readable &= (key.IsNull || value is not null) && share is not null;
            shares.Add(new ValueShare(value, (double)(share ?? 0)));
        }

        return readable ? new FactShares(fact.Path, shares) : null;
    }

    private FactDistribution? Range(FactSymbol fact, YNode bounds)
    {
        if (bounds is not YSequence { Items: [YScalar low, YScalar high] })
        {
            context.Error(DiagnosticCodes.WrongShape, bounds, $"'between' takes the smallest and the largest value in brackets, e.g. {{between: [{Example(fact)}]}}.");
            return null;
        }

        if (fact.Type.Kind == FactKind.Date)
        {
            var from = context.Date(low, $"first day of {fact.Path}");
            var to = context.Date(high, $"last day of {fact.Path}");
            return from is null || to is null ? null : new DateRange(fact.Path, from.Value, to.Value);
        }

        var min = WholeNumber(low, $"smallest value of {fact.Path}", long.MinValue, long.MaxValue);
        var max = WholeNumber(high, $"largest value of {fact.Path}", long.MinValue, long.MaxValue);
        return min is null || max is null ? null : new NumberRange(fact.Path, min.Value, max.Value);
    }

    private object? Value(FactSymbol fact, YScalar scalar)
    {
        var value = FactValueReader.Parse(fact, scalar.Value);
        if (value is null)
        {
            context.Error(DiagnosticCodes.InvalidValue, scalar, FactValueReader.WrongValue(fact, scalar.Value));
        }

        return value;
    }

    private FactDistribution? Wrong(FactSymbol fact, YNode node)
    {
        var range = fact.Type.Kind is FactKind.Number or FactKind.Money or FactKind.Date ? $", a range {{between: [{Example(fact)}]}}" : "";
        context.Error(DiagnosticCodes.WrongShape, node,
            $"{fact.Path} takes one value, shares of its values ({{value: share, …}}, summing to 1){range}; not {node.Shape}.");
        return null;
    }

    private long? WholeNumber(YNode node, string what, long min, long max)
    {
        if (context.String(node, what) is not { } text)
        {
            return null;
        }

        if (Scalars.TryDecimal(text, out var value) && value == decimal.Truncate(value) && value >= min && value <= max)
        {
            return (long)value;
        }

        context.Error(DiagnosticCodes.InvalidValue, node, $"'{text}' is not a valid {what}: write a whole number from {min:N0} to {max:N0}.");
        return null;
    }

    private static string Example(FactSymbol fact) => fact.Type.Kind == FactKind.Date ? "1960-01-01, 2000-12-31" : "1, 120";
}
