using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.WhatIf.Internal;

/// <summary>
/// One situation under the baseline and under the reforms: better off, worse off (and why, in words), and the trips
/// under each catalogue in the stated order, from which each reform's share follows.
/// </summary>
internal sealed class Comparison
{
    private Comparison(string code, double weight, Side before, Side after, int[] steps, bool[] changed)
    {
        StepChanged = changed;
        Code = code;
        Weight = weight;
        Before = before;
        After = after;
        Steps = steps;
    }

    public string Code { get; }

    public double Weight { get; }

    public Side Before { get; }

    public Side After { get; }

    /// <summary>Trips under the baseline, then after each reform in order.</summary>
    public int[] Steps { get; }

    /// <summary>Whether reform <c>i</c> changed anything for the situation (trips, what is brought, eligibility, authority) over the one before.</summary>
    public bool[] StepChanged { get; }

    /// <summary>Documents the citizen brought before and no longer brings.</summary>
    public List<string> Spared { get; } = [];

    /// <summary>Why the situation is worse off; empty when it is not.</summary>
    public List<string> Worse { get; } = [];

    public bool Affected { get; private set; }

    public bool Better => Worse.Count == 0 && (After.Visits < Before.Visits || Spared.Count > 0);

    public static Comparison Of(string code, double weight, Side[] sides, ProcedureCatalog reformed)
    {
        var before = sides[0];
        var after = sides[^1];
        var changed = new bool[sides.Length - 1];
        for (var i = 0; i < changed.Length; i++)
        {
            changed[i] = !Same(sides[i], sides[i + 1]);
        }

        var comparison = new Comparison(code, weight, before, after, [.. sides.Select(s => s.Visits)], changed);
        var brought = before.Asked;
        var now = after.Asked;
        comparison.Spared.AddRange(brought.Where(b => !now.Contains(b)).Select(b => b.Document).Distinct(StringComparer.Ordinal));
        if (before.Eligible && !after.Eligible)
        {
            comparison.Worse.Add("no longer eligible");
        }

        if (after.Visits > before.Visits)
        {
            comparison.Worse.Add($"trips {before.Visits} → {after.Visits}");
        }

        foreach (var added in now.Where(n => !brought.Contains(n)).Select(n => n.Document).Distinct(StringComparer.Ordinal))
        {
            comparison.Worse.Add($"now asked for {reformed.Documents.GetValueOrDefault(added)?.Name.EnglishOrText ?? added}");
        }

        comparison.Affected = comparison.Worse.Count > 0 || comparison.Spared.Count > 0 || changed.Any(c => c);
        return comparison;
    }

    private static bool Same(Side a, Side b) =>
        a.Visits == b.Visits && a.Eligible == b.Eligible && a.Authority == b.Authority && a.Asked.SetEquals(b.Asked);
}
