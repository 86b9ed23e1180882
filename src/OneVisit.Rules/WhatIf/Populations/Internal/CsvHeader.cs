using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.WhatIf.Populations.Internal;

/// <summary>A CSV population's header: which column is the code, which the weight, and which fact each other column is.</summary>
internal sealed class CsvHeader
{
    private CsvHeader(int code, int weight, FactSymbol?[] facts, string[] names)
    {
        Code = code;
        Weight = weight;
        Facts = facts;
        Names = names;
    }

    public int Code { get; }

    /// <summary>The weight's column, or -1 when there is none (every situation weighs 1).</summary>
    public int Weight { get; }

    /// <summary>Per column, the fact it holds; null for the code and weight columns.</summary>
    public FactSymbol?[] Facts { get; }

    public string[] Names { get; }

    public static CsvHeader Read(List<string> names, CatalogTerms terms, Func<string, PopulationException> error)
    {
        var code = -1;
        var weight = -1;
        var facts = new FactSymbol?[names.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (!seen.Add(name))
            {
                throw error($"column '{name}' appears twice in the header; give each column once.");
            }

            switch (name)
            {
                case "":
                    throw error($"column {i + 1} of the header has no name; name it code, weight or a fact path.");
                case "code":
                    code = i;
                    break;
                case "weight":
                    weight = i;
                    break;
                default:
                    facts[i] = terms.Fact(name) ?? throw error($"column {UnknownColumn(name, terms)}");
                    break;
            }
        }

        return code < 0
            ? throw error("the header has no 'code' column; the first line names the columns: code,weight,<fact path>,…")
            : new CsvHeader(code, weight, facts, [.. names]);
    }

    private static string UnknownColumn(string name, CatalogTerms terms) => terms.UnknownFact(name) + " A column is code, weight or a fact path.";
}
