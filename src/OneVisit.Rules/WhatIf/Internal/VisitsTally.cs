namespace OneVisit.Rules.WhatIf.Internal;

/// <summary>
/// The weighted visits of one procedure's or bundle's situations, kept as a histogram: visits are small whole numbers,
/// so a million situations take a few entries and the median needs no sort.
/// </summary>
internal sealed class VisitsTally
{
    private readonly SortedDictionary<int, double> _visits = [];
    private readonly SortedDictionary<int, double> _naive = [];

    public int Situations { get; private set; }

    public double Weight { get; private set; }

    public double RefusedWeight { get; private set; }

    public void AddRefused(double weight)
    {
        Situations++;
        Weight += weight;
        RefusedWeight += weight;
    }

    public void Add(int visits, double weight, int naiveSum = 0)
    {
        Situations++;
        Weight += weight;
        _visits[visits] = _visits.GetValueOrDefault(visits) + weight;
        _naive[naiveSum] = _naive.GetValueOrDefault(naiveSum) + weight;
    }

    // Too few cases to publish: no figure at all, not even how many (statistical secrecy).
    public PopulationVisits Result(double minimumCellSize) => Weight < minimumCellSize
        ? new PopulationVisits(0, 0, 0, null, null, null) { Suppressed = true }
        : _visits.Count == 0
            ? new PopulationVisits(Situations, Weight, RefusedWeight, null, null, null)
            : new PopulationVisits(Situations, Weight, RefusedWeight, _visits.Keys.First(), Median(_visits), _visits.Keys.Last());

    public int? TypicalNaiveSum(double minimumCellSize) => _naive.Count == 0 || Weight < minimumCellSize ? null : Median(_naive);

    // The lower weighted median: the fewest visits that at least half the weight needs no more than.
    private static int Median(SortedDictionary<int, double> histogram)
    {
        var half = histogram.Values.Sum() / 2;
        var seen = 0.0;
        foreach (var (visits, weight) in histogram)
        {
            seen += weight;
            if (seen >= half)
            {
                return visits;
            }
        }

        return histogram.Keys.Last();
    }
}
