using OneVisit.Rules.Authoring.Internal;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.WhatIf.Populations.Internal;

/// <summary>
/// What every population format checks against the catalogue, with the same words: codes, fact paths and values.
/// Each method returns null when all is well, or the message to report where the population wrote it.
/// </summary>
internal sealed class CatalogTerms(ProcedureCatalog catalog)
{
    public ProcedureCatalog Catalog { get; } = catalog;

    public string? UnknownCode(string code) =>
        Catalog.Procedures.ContainsKey(code) || Catalog.Bundles.ContainsKey(code)
            ? null
            : $"'{code}' is neither a procedure nor a bundle of the catalogue.{Suggestions.DidYouMean(code, Catalog.Procedures.Keys.Concat(Catalog.Bundles.Keys))}";

    public FactSymbol? Fact(string path) => Catalog.Facts.Find(path);

    public string UnknownFact(string path) =>
        $"'{path}' is not a fact of the catalogue (facts.yaml).{Suggestions.DidYouMean(path, Catalog.Facts.Facts.Select(f => f.Path))}";

    /// <summary>Whether <paramref name="value"/> (from code) is of <paramref name="fact"/>'s type; null (unknown) always is.</summary>
    public static string? WrongTypedValue(FactSymbol fact, object? value)
    {
        var fits = value switch
        {
            null => true,
            bool => fact.Type.Kind == FactKind.Bool,
            decimal => fact.Type.Kind is FactKind.Number or FactKind.Money,
            DateOnly => fact.Type.Kind == FactKind.Date,
            string text => fact.Type.Kind == FactKind.Text || (fact.Type.Kind == FactKind.Enum && fact.Type.Allows(text)),
            _ => false,
        };
        return fits
            ? null
            : $"{Describe(value)} is not a value {fact.Path} ({fact.Type}) can take; give {FactValueReader.Expected(fact, value?.ToString() ?? "")} ({ClrType(fact)})";
    }

    /// <summary>The .NET type a fact's values have in a situation, for messages to programmers.</summary>
    public static string ClrType(FactSymbol fact) => fact.Type.Kind switch
    {
        FactKind.Bool => "a bool",
        FactKind.Number or FactKind.Money => "a decimal",
        FactKind.Date => "a DateOnly",
        _ => "a string",
    };

    private static string Describe(object? value) => value is string text ? $"'{text}'" : $"{value} ({value!.GetType().Name})";
}
