using System.Globalization;
using System.Text.RegularExpressions;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.WhatIf.Populations;

namespace OneVisit.Rules.WhatIf.Internal;

/// <summary>
/// Builds a <see cref="VisitsReport"/>: the worst cases from the catalogue, then the population read once as a stream
/// and prechecked in batches on the engine's population path, each situation's visits tallied by code.
/// </summary>
internal sealed partial class VisitsRun
{
    private readonly ProcedureCatalog _catalog;
    private readonly PrecheckEngine _engine;
    private readonly DateOnly _asOf;
    private readonly int _batchSize;
    private readonly Dictionary<string, VisitsTally> _tallies = new(StringComparer.Ordinal);
    private readonly List<(int Number, Situation Situation)> _procedures = [];
    private readonly List<(int Number, Situation Situation)> _bundles = [];

    private VisitsRun(ProcedureCatalog catalog, VisitsReportOptions options)
    {
        _catalog = catalog;
        _engine = new PrecheckEngine(catalog);
        _asOf = options.AsOf ?? catalog.Info.AsOf;
        _batchSize = options.BatchSize;
    }

    public static VisitsReport Build(ProcedureCatalog catalog, VisitsReportOptions options)
    {
        var population = options.Population ?? new UniformPopulation();
        var run = new VisitsRun(catalog, options);
        var (situations, weight) = run.Read(population);

        // Secrecy protects people: a generated population describes none, and its small cells are the user's choice.
        var minimum = population.Kind == PopulationKind.Generated ? 0 : options.MinimumCellSize;
        var procedures = catalog.Procedures.Values
            .Select(p => new ProcedureVisitCounts(
                p.Code, p.Name, catalog.Authorities[p.Jurisdiction.DefaultAuthorityId], VisitPrediction.WorstCase(catalog, p), run.Tally(p.Code).Result(minimum)))
            .OrderByDescending(p => p.WorstCase.Count).ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
        var bundles = catalog.Bundles.Values
            .Select(b => new BundleVisitCounts(
                b.Code, b.Name, catalog.Authorities[b.LeadAuthorityId], BundleVisits.WorstCase(catalog, b), run.Tally(b.Code).Result(minimum), run.Tally(b.Code).TypicalNaiveSum(minimum)))
            .OrderByDescending(b => b.WorstCase.Count).ThenBy(b => b.Code, StringComparer.Ordinal)
            .ToList();
        var totals = new VisitsTotals(
            Distribution(procedures.Select(p => (int?)p.WorstCase.Count)),
            Distribution(procedures.Select(p => p.Population.Typical)),
            Distribution(bundles.Select(b => (int?)b.WorstCase.Count)),
            Distribution(bundles.Select(b => b.Population.Typical)));
        var used = new PopulationUsed(population.Kind, population.Description, population.ContentHash, situations, weight);
        return new VisitsReport(catalog.Info.Name, run._asOf, used, procedures, bundles, totals);
    }

    private (int Situations, double Weight) Read(PopulationSource population)
    {
        var number = 0;
        var weight = 0.0;
        foreach (var situation in population.Read(_catalog))
        {
            number++;
            if (!(situation.Weight > 0) || double.IsInfinity(situation.Weight))
            {
                throw new PopulationException(string.Create(CultureInfo.InvariantCulture, $"Situation {number} of {population.Description} ({situation.Code}) has weight {situation.Weight}; a weight is a positive number of applications."));
            }

            weight += situation.Weight;
            if (_catalog.Procedures.ContainsKey(situation.Code))
            {
                Queue(_procedures, number, situation);
            }
            else if (_catalog.Bundles.ContainsKey(situation.Code))
            {
                Queue(_bundles, number, situation);
            }
            else
            {
                throw new PopulationException($"Situation {number} of {population.Description} is for '{situation.Code}', which is neither a procedure nor a bundle of the catalogue.");
            }
        }

        CheckProcedures();
        CheckBundles();
        return (number, weight);
    }

    private void Queue(List<(int, Situation)> batch, int number, Situation situation)
    {
        batch.Add((number, situation));
        if (batch.Count < _batchSize)
        {
            return;
        }

        if (ReferenceEquals(batch, _procedures))
        {
            CheckProcedures();
        }
        else
        {
            CheckBundles();
        }
    }

    private void CheckProcedures()
    {
        var requests = _procedures.Select(s => new PrecheckRequest { ProcedureCode = s.Situation.Code, AsOf = AsOfFor(s.Situation.Code), Facts = s.Situation.Facts, Documents = s.Situation.Documents }).ToList();
        var results = Checked(_procedures, () => _engine.CheckMany(requests));
        for (var i = 0; i < results.Count; i++)
        {
            var (_, situation) = _procedures[i];
            if (results[i].Verdict == Verdict.NotEligible)
            {
                Tally(situation.Code).AddRefused(situation.Weight);
            }
            else
            {
                Tally(situation.Code).Add(results[i].Visits.Count, situation.Weight);
            }
        }

        _procedures.Clear();
    }

    private void CheckBundles()
    {
        var requests = _bundles.Select(s => new BundlePrecheckRequest { BundleCode = s.Situation.Code, AsOf = AsOfFor(s.Situation.Code), Facts = s.Situation.Facts, Documents = s.Situation.Documents }).ToList();
        var results = Checked(_bundles, () => _engine.CheckBundleMany(requests));
        for (var i = 0; i < results.Count; i++)
        {
            var (_, situation) = _bundles[i];
            if (results[i].Verdict == Verdict.NotEligible)
            {
                Tally(situation.Code).AddRefused(situation.Weight);
            }
            else
            {
                Tally(situation.Code).Add(results[i].Visits.Count, situation.Weight, results[i].Visits.NaiveSum);
            }
        }

        _bundles.Clear();
    }

    // A batch's errors name situations by their index in the batch; the population's reader knows them by number.
    private static IReadOnlyList<T> Checked<T>(List<(int Number, Situation Situation)> batch, Func<IReadOnlyList<T>> check)
    {
        try
        {
            return check();
        }
        catch (InvalidApplicationException e)
        {
            const int shown = 10;
            var problems = e.Errors.Take(shown).Select(error =>
            {
                var match = BatchIndex().Match(error.Field);
                if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var index) || index >= batch.Count)
                {
                    return error.ToString();
                }

                var (number, situation) = batch[index];
                return $"situation {number} ({situation.Code}), {match.Groups[2].Value}: {error.Message}";
            });
            var more = e.Errors.Count > shown ? $"{Environment.NewLine}  … and {e.Errors.Count - shown} more problems in this batch." : "";
            throw new PopulationException(
                $"The population has situations that cannot be prechecked:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}{more}", e);
        }
    }

    [GeneratedRegex(@"^\[(\d+)\]\.(.*)$")]
    private static partial Regex BatchIndex();

    // A catalogue describes one version of each procedure and bundle, and they come into force on different days (the
    // sample's bundles years after its as-of date): each is judged on the report's date, or the nearest day it is in force.
    private DateOnly AsOfFor(string code)
    {
        var (from, until) = _catalog.Procedures.TryGetValue(code, out var p) ? (p.EffectiveFrom, p.EffectiveUntil) : (_catalog.Bundles[code].EffectiveFrom, _catalog.Bundles[code].EffectiveUntil);
        return _asOf < from ? from : until is { } last && _asOf > last ? last : _asOf;
    }

    private VisitsTally Tally(string code)
    {
        if (!_tallies.TryGetValue(code, out var tally))
        {
            tally = new VisitsTally();
            _tallies[code] = tally;
        }

        return tally;
    }

    private static VisitsDistribution Distribution(IEnumerable<int?> visits)
    {
        var list = visits.ToList();
        return new VisitsDistribution(list.Count(v => v == 0), list.Count(v => v == 1), list.Count(v => v >= 2), list.Count(v => v is null));
    }
}
