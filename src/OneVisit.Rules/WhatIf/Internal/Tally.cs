namespace OneVisit.Rules.WhatIf.Internal;

/// <summary>The running figures of one cell; each worker keeps its own, merged at the end.</summary>
internal sealed class Figures
{
    public double Cases;
    public long Situations;
    public double TripsBefore;
    public double TripsAfter;
    public double Affected;
    public double Winners;
    public double Losers;

    public void Add(Comparison c, double share = 1)
    {
        Cases += c.Weight;
        Situations++;
        TripsBefore += c.Weight * c.Before.Visits * share;
        TripsAfter += c.Weight * c.After.Visits * share;
        Affected += c.Affected ? c.Weight : 0;
        Winners += c.Better ? c.Weight : 0;
        Losers += c.Worse.Count > 0 ? c.Weight : 0;
    }

    public void Merge(Figures other)
    {
        Cases += other.Cases;
        Situations += other.Situations;
        TripsBefore += other.TripsBefore;
        TripsAfter += other.TripsAfter;
        Affected += other.Affected;
        Winners += other.Winners;
        Losers += other.Losers;
    }
}

/// <summary>Everything a worker counts over the situations it evaluated.</summary>
internal sealed class Tally(int reforms)
{
    public Figures Total { get; } = new();

    public Dictionary<string, Figures> ByCode { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Figures> ByConsuming { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Figures> ByIssuing { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, double> Spared { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string Code, string Reason), double> Losers { get; } = [];

    public double[] SharesSaved { get; } = new double[reforms];

    public double[] SharesAffected { get; } = new double[reforms];

    public double AtMostOneBefore, AtMostOneAfter, ZeroBefore, ZeroAfter, CrossedToOne, CrossedToZero;

    public long Skipped;

    public void Add(Comparison c, IReadOnlyList<string?> issuers)
    {
        Total.Add(c);
        Cell(ByCode, c.Code).Add(c);
        Cell(ByConsuming, c.Before.Authority).Add(c);
        var departments = issuers.Where(i => i is not null).Distinct(StringComparer.Ordinal).ToList();
        foreach (var department in departments)
        {
            Cell(ByIssuing, department!).Add(c, 1.0 / departments.Count);
        }

        foreach (var document in c.Spared)
        {
            Spared[document] = Spared.GetValueOrDefault(document) + c.Weight;
        }

        foreach (var reason in c.Worse)
        {
            Losers[(c.Code, reason)] = Losers.GetValueOrDefault((c.Code, reason)) + c.Weight;
        }

        for (var i = 0; i < SharesSaved.Length; i++)
        {
            SharesSaved[i] += c.Weight * (c.Steps[i] - c.Steps[i + 1]);
            SharesAffected[i] += c.StepChanged[i] ? c.Weight : 0;
        }

        AtMostOneBefore += c.Before.Visits <= 1 ? c.Weight : 0;
        AtMostOneAfter += c.After.Visits <= 1 ? c.Weight : 0;
        ZeroBefore += c.Before.Visits == 0 ? c.Weight : 0;
        ZeroAfter += c.After.Visits == 0 ? c.Weight : 0;
        CrossedToOne += c.Before.Visits > 1 && c.After.Visits <= 1 ? c.Weight : 0;
        CrossedToZero += c.Before.Visits > 0 && c.After.Visits == 0 ? c.Weight : 0;
    }

    public void Merge(Tally other)
    {
        Total.Merge(other.Total);
        MergeCells(ByCode, other.ByCode);
        MergeCells(ByConsuming, other.ByConsuming);
        MergeCells(ByIssuing, other.ByIssuing);
        foreach (var (key, value) in other.Spared)
        {
            Spared[key] = Spared.GetValueOrDefault(key) + value;
        }

        foreach (var (key, value) in other.Losers)
        {
            Losers[key] = Losers.GetValueOrDefault(key) + value;
        }

        for (var i = 0; i < SharesSaved.Length; i++)
        {
            SharesSaved[i] += other.SharesSaved[i];
            SharesAffected[i] += other.SharesAffected[i];
        }

        AtMostOneBefore += other.AtMostOneBefore;
        AtMostOneAfter += other.AtMostOneAfter;
        ZeroBefore += other.ZeroBefore;
        ZeroAfter += other.ZeroAfter;
        CrossedToOne += other.CrossedToOne;
        CrossedToZero += other.CrossedToZero;
        Skipped += other.Skipped;
    }

    private static Figures Cell(Dictionary<string, Figures> cells, string key)
    {
        if (!cells.TryGetValue(key, out var figures))
        {
            cells[key] = figures = new Figures();
        }

        return figures;
    }

    private static void MergeCells(Dictionary<string, Figures> into, Dictionary<string, Figures> from)
    {
        foreach (var (key, figures) in from)
        {
            Cell(into, key).Merge(figures);
        }
    }
}
