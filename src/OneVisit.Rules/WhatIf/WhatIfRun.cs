using System.Collections.Concurrent;
using System.Reflection;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Precheck.Internal;
using OneVisit.Rules.WhatIf.Internal;

namespace OneVisit.Rules.WhatIf;

/// <summary>Progress of a run, reported after each batch.</summary>
/// <param name="Situations">Situations evaluated so far.</param>
/// <param name="Cases">Cases a year they stand for.</param>
public readonly record struct WhatIfProgress(long Situations, double Cases);

/// <summary>
/// Runs reforms over a population: every situation is prechecked under the baseline and under each reformed
/// catalogue in turn, by the same <see cref="PrecheckEngine"/> that serves applicants (population prechecks evaluate
/// compiled catalogue conditions directly), and the differences are counted into a <see cref="WhatIfReport"/>.
/// </summary>
public static class WhatIfRun
{
    /// <summary>Evaluates <paramref name="population"/> under <paramref name="reforms"/> (read with <see cref="ReformLoader"/>).</summary>
    /// <param name="reforms">The reforms applied, in order.</param>
    /// <param name="population">The situations.</param>
    /// <param name="options">Suppression, date, batching; defaults when null.</param>
    /// <param name="progress">Told after each batch.</param>
    /// <param name="cancellationToken">Stops the run between batches.</param>
    /// <exception cref="PopulationException">The population cannot be read.</exception>
    /// <exception cref="InvalidApplicationException">A situation's facts do not fit the catalogue.</exception>
    public static WhatIfReport Run(ReformLoadResult reforms, PopulationSource population, WhatIfOptions? options = null, IProgress<WhatIfProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reforms);
        ArgumentNullException.ThrowIfNull(population);
        if (!reforms.Succeeded)
        {
            throw new ArgumentException("The reforms have errors; lint them first (ReformLoadResult.Diagnostics).", nameof(reforms));
        }

        options ??= new WhatIfOptions();
        options.Validate();
        var catalogs = new[] { reforms.Baseline }.Concat(reforms.Applied.Select(a => a.Catalog)).ToArray();
        // Room for every procedure: a population meets them all, and what a population run keeps per procedure is small
        // (no NRules session is compiled for a procedure without custom rules).
        var engines = catalogs.Select(c => new PrecheckEngine(c, new PrecheckOptions { RuleSetCacheCapacity = Math.Max(512, c.Procedures.Count) })).ToArray();
        var asOf = options.AsOf ?? AsOf(reforms);
        var total = new Tally(reforms.Applied.Count);
        long done = 0;
        double cases = 0;
        var batches = Partitioner.Create(Batches(population.Read(reforms.Baseline), options.BatchSize), EnumerablePartitionerOptions.NoBuffering);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var gate = new Lock();
        try
        {
            Parallel.ForEach(
            batches,
            parallel,
            () => new Tally(reforms.Applied.Count),
            (batch, _, tally) =>
            {
                Evaluate(batch, catalogs, engines, asOf, tally);
                lock (gate)
                {
                    done += batch.Count;
                    cases += batch.Sum(s => s.Weight);
                    progress?.Report(new WhatIfProgress(done, cases));
                }

                return tally;
            },
            tally =>
            {
                lock (gate)
                {
                    total.Merge(tally);
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // One batch failed (a population line, a situation's facts): its own message says where; the wrapper adds nothing.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        return ReportBuilder.Build(reforms, population, options, asOf, total, Version());
    }

    private static void Evaluate(List<Situation> batch, ProcedureCatalog[] catalogs, PrecheckEngine[] engines, DateOnly asOf, Tally tally)
    {
        var baseline = catalogs[0];
        var procedures = new List<Situation>();
        var bundles = new List<Situation>();
        foreach (var situation in batch)
        {
            // A code not in force on the date, or of a bundle a reform creates (no baseline to compare with), is counted
            // as skipped in the run record, never dropped silently.
            if (baseline.Procedures.TryGetValue(situation.Code, out var procedure) && RequestBinder.InForce(procedure.EffectiveFrom, procedure.EffectiveUntil, asOf))
            {
                procedures.Add(situation);
            }
            else if (baseline.Bundles.TryGetValue(situation.Code, out var bundle) && RequestBinder.InForce(bundle.EffectiveFrom, bundle.EffectiveUntil, asOf))
            {
                bundles.Add(situation);
            }
            else
            {
                tally.Skipped++;
            }
        }

        // One set of requests, checked against every catalogue in turn.
        PrecheckRequest[] procedureRequests = [.. procedures.Select(s => Request(s, asOf))];
        Count(procedures, [.. engines.Select(e => e.CheckMany(procedureRequests).Select(Side.Of).ToArray())], catalogs, tally);
        BundlePrecheckRequest[] bundleRequests = [.. bundles.Select(s => BundleRequest(s, asOf))];
        Count(bundles, [.. engines.Select(e => e.CheckBundleMany(bundleRequests).Select(Side.Of).ToArray())], catalogs, tally);
    }

    private static void Count(List<Situation> situations, Side[][] sides, ProcedureCatalog[] catalogs, Tally tally)
    {
        for (var i = 0; i < situations.Count; i++)
        {
            var comparison = Comparison.Of(situations[i].Code, situations[i].Weight, [.. sides.Select(s => s[i])], catalogs[^1]);
            var issuers = comparison.Spared.Select(d => catalogs[0].Documents.GetValueOrDefault(d)?.IssuedBy).ToList();
            tally.Add(comparison, issuers);
        }
    }

    // Both sides are judged on the day the last reform takes effect: the day the comparison is about.
    private static DateOnly AsOf(ReformLoadResult reforms) =>
        reforms.Applied.Count == 0 ? reforms.Baseline.Info.AsOf : reforms.Applied.Max(a => a.Reform.EffectiveFrom);

    private static PrecheckRequest Request(Situation s, DateOnly asOf) =>
        new() { ProcedureCode = s.Code, AsOf = asOf, Facts = s.Facts, Documents = s.Documents };

    private static BundlePrecheckRequest BundleRequest(Situation s, DateOnly asOf) =>
        new() { BundleCode = s.Code, AsOf = asOf, Facts = s.Facts, Documents = s.Documents };

    private static IEnumerable<List<Situation>> Batches(IEnumerable<Situation> situations, int size)
    {
        var batch = new List<Situation>(size);
        foreach (var situation in situations)
        {
            batch.Add(situation);
            if (batch.Count == size)
            {
                yield return batch;
                batch = new List<Situation>(size);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static string Version() =>
        typeof(WhatIfRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(WhatIfRun).Assembly.GetName().Version?.ToString() ?? "unknown";
}
