using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Testing;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>Reads <c>entity.field: value</c> pairs (in tests and applications), checking each value against its declared type.</summary>
internal static class FactValueReader
{
    public static List<GivenFact> Read(FileContext context, YNode? node, FactSchema facts)
    {
        var given = new List<GivenFact>();
        if (context.Mapping(node, "set of facts (entity.field: value)") is not { } map)
        {
            return given;
        }

        foreach (var (key, valueNode) in map.Entries)
        {
            var fact = facts.Find(key.Value);
            if (fact is null)
            {
                context.UnknownFact(key, key.Value, facts);
                continue;
            }

            if (valueNode is YScalar { IsNull: true })
            {
                given.Add(new GivenFact(fact, null, context.At(key)));
                continue;
            }

            if (Value(context, valueNode, fact) is { } value)
            {
                given.Add(new GivenFact(fact, value, context.At(key)));
            }
        }

        return given;
    }

    private static object? Value(FileContext context, YNode node, FactSymbol fact)
    {
        if (node is not YScalar scalar)
        {
            context.Error(DiagnosticCodes.TestValueWrongType, node, $"{fact.Path} takes a single value, not {node.Shape}.");
            return null;
        }

        var value = Parse(fact, scalar.Value);
        if (value is null)
        {
            context.Error(DiagnosticCodes.TestValueWrongType, node, WrongValue(fact, scalar.Value));
        }

        return value;
    }

    /// <summary>
    /// <paramref name="text"/> as a value of <paramref name="fact"/>'s type (bool, decimal, DateOnly or string), or
    /// null when it is not one; every reader of fact values as text (YAML, CSV, JSON Lines) goes through here.
    /// </summary>
    public static object? Parse(FactSymbol fact, string text) => fact.Type.Kind switch
    {
        FactKind.Bool => text switch { "true" => true, "false" => false, _ => null },
        FactKind.Number or FactKind.Money => Scalars.TryDecimal(text, out var number) ? number : null,
        FactKind.Date => Scalars.TryDate(text, out var date) ? date : null,
        FactKind.Enum => fact.Type.Allows(text) ? text : null,
        _ => text,
    };

    /// <summary>What to write for <paramref name="fact"/>, e.g. "true or false" or "one of: single, married".</summary>
    public static string Expected(FactSymbol fact, string text) => fact.Type.Kind switch
    {
        FactKind.Bool => "true or false",
        FactKind.Number => "a number",
        FactKind.Money => "an amount in yuan, such as 10000000",
        FactKind.Date => "a date as YYYY-MM-DD",
        _ => $"one of: {string.Join(", ", fact.Type.Values)}.{Suggestions.DidYouMean(text, fact.Type.Values)}",
    };

    /// <summary>The message for <paramref name="text"/> that <paramref name="fact"/> cannot take.</summary>
    public static string WrongValue(FactSymbol fact, string text) =>
        $"'{text}' is not a value {fact.Path} ({fact.Type}) can take; write {Expected(fact, text)}";
}
