using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.WhatIf.Populations.Internal;

/// <summary>One problem of a spec: where a file wrote it (null for a spec built in code), which entry, and what to do.</summary>
internal sealed record SpecProblem(SourceLocation? Location, int Entry, string Code, string Message, string DiagnosticCode = DiagnosticCodes.InvalidValue)
{
    /// <summary>How a spec built in code names the place: its entry's number and code.</summary>
    public string Where => Entry < 0 ? "the spec" : $"entry {Entry + 1} ({Code})";
}

/// <summary>
/// Checks a spec against the catalogue: codes, facts, the values' types, shares that sum to 1, ranges that run
/// forwards. One check for both a spec file (problems become diagnostics at their lines) and a spec built in code.
/// </summary>
internal static class SpecChecker
{
    public const double ShareTolerance = 1e-6;

    public static List<SpecProblem> Check(PopulationSpec spec, CatalogTerms terms)
    {
        var problems = new List<SpecProblem>();
        if (spec.Situations < 1)
        {
            problems.Add(new(null, -1, "", $"'situations' is {spec.Situations}; draw at least one."));
        }

        if (spec.Entries.Count == 0)
        {
            problems.Add(new(null, -1, "", "The spec has no entries; list the procedures and bundles with their volumes."));
        }

        for (var i = 0; i < spec.Entries.Count; i++)
        {
            var entry = spec.Entries[i];
            void Report(SourceLocation? at, string message, string code) => problems.Add(new(at ?? entry.Location, i, entry.Code, message, code));
            CheckEntry(entry, terms, Report);
        }

        return problems;
    }

    private static void CheckEntry(PopulationEntry entry, CatalogTerms terms, Action<SourceLocation?, string, string> report)
    {
        if (terms.UnknownCode(entry.Code) is { } unknown)
        {
            report(null, unknown, DiagnosticCodes.UnknownReference);
        }

        if (!double.IsFinite(entry.Volume) || entry.Volume <= 0)
        {
            report(null, $"The volume of {entry.Code} is {entry.Volume}; write how many cases a year it has, a positive number.", DiagnosticCodes.InvalidValue);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var distribution in entry.Facts)
        {
            if (!seen.Add(distribution.Path))
            {
                report(distribution.Location, $"'{distribution.Path}' is given twice in {entry.Code}; give each fact once.", DiagnosticCodes.DuplicateKey);
            }
            else if (terms.Fact(distribution.Path) is not { } fact)
            {
                report(distribution.Location, terms.UnknownFact(distribution.Path), DiagnosticCodes.UnknownReference);
            }
            else if (Problem(distribution, fact) is { } problem)
            {
                report(distribution.Location, problem, DiagnosticCodes.InvalidValue);
            }
        }
    }

    private static string? Problem(FactDistribution distribution, FactSymbol fact) => distribution switch
    {
        FixedFact f => CatalogTerms.WrongTypedValue(fact, f.Value),
        FactShares s => SharesProblem(s, fact),
        NumberRange when fact.Type.Kind is not (FactKind.Number or FactKind.Money) => $"{fact.Path} is a {fact.Type}; 'between' draws numbers or dates. Give shares of its values instead.",
        NumberRange r => r.Min > r.Max ? $"The range of {fact.Path} runs backwards ({r.Min} to {r.Max}); write the smaller number first." : null,
        DateRange when fact.Type.Kind != FactKind.Date => $"{fact.Path} is a {fact.Type}; a range of dates needs a date fact.",
        DateRange d => d.From > d.To ? $"The range of {fact.Path} runs backwards ({d.From:yyyy-MM-dd} to {d.To:yyyy-MM-dd}); write the earlier date first." : null,
        _ => $"Unknown kind of distribution for {fact.Path}: {distribution.GetType().Name}.",
    };

    private static string? SharesProblem(FactShares shares, FactSymbol fact)
    {
        if (shares.Shares.Count == 0)
        {
            return $"{fact.Path} has no values to share; give each value its share, e.g. {{true: 0.3, false: 0.7}}.";
        }

        var values = new HashSet<object?>();
        foreach (var share in shares.Shares)
        {
            if (CatalogTerms.WrongTypedValue(fact, share.Value) is { } wrong)
            {
                return wrong;
            }

            if (!values.Add(share.Value))
            {
                return $"The value {share.Value ?? "unknown (null)"} of {fact.Path} has two shares; give it one.";
            }

            if (!double.IsFinite(share.Share) || share.Share < 0 || share.Share > 1)
            {
                return $"The share of {share.Value ?? "unknown (null)"} in {fact.Path} is {share.Share}; a share runs from 0 to 1.";
            }
        }

        var sum = shares.Shares.Sum(s => s.Share);
        return Math.Abs(sum - 1) > ShareTolerance
            ? $"The shares of {fact.Path} sum to {sum:0.######}, not 1; adjust them so that they do."
            : null;
    }
}
