using System.Diagnostics;
using OneVisit.Benchmarks.Synthetic;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Benchmarks.Scale;

/// <summary>
/// A synthetic catalogue of a given size, the three contenders built over it (OneVisit with default options, the
/// hand-written baseline, RulesEngine with fair settings) and a seeded set of applications, checked to get the same
/// answer from all three before anything is timed. Checking them also compiles every rule set and workflow the
/// applications use, so a benchmark over this workload is warm.
/// </summary>
internal sealed class ScaleWorkload
{
    private ScaleWorkload(SyntheticCatalogue synthetic, ProcedureCatalog catalog, SyntheticApplication[] applications)
    {
        Synthetic = synthetic;
        Catalog = catalog;
        Applications = applications;
        Requests = [.. applications.Select(a => a.ToRequest())];
        OneVisit = new PrecheckEngine(catalog);
        HandWritten = new HandWrittenPrecheck(synthetic.Procedures);
        RulesEngine = new RulesEnginePeer(synthetic.Procedures);
    }

    public SyntheticCatalogue Synthetic { get; }

    public ProcedureCatalog Catalog { get; }

    public SyntheticApplication[] Applications { get; }

    public PrecheckRequest[] Requests { get; }

    public PrecheckEngine OneVisit { get; }

    public HandWrittenPrecheck HandWritten { get; }

    public RulesEnginePeer RulesEngine { get; }

    /// <summary>Every application through the hand-written baseline, one by one; the last answer keeps the work alive.</summary>
    public PrecheckAnswer? CheckAllHandWritten()
    {
        PrecheckAnswer? last = null;
        foreach (var application in Applications)
        {
            last = HandWritten.Check(application);
        }

        return last;
    }

    /// <summary>Every application through RulesEngine, one by one.</summary>
    public PrecheckAnswer? CheckAllRulesEngine()
    {
        PrecheckAnswer? last = null;
        foreach (var application in Applications)
        {
            last = RulesEngine.Check(application);
        }

        return last;
    }

    /// <summary>
    /// <paramref name="count"/> applications, each to a procedure drawn uniformly from the whole catalogue: the
    /// working set of a busy hall, where consecutive applications rarely share a procedure.
    /// </summary>
    public static ScaleWorkload Spread(int procedures, int count, int seed = SyntheticCatalogue.DefaultSeed)
    {
        var synthetic = SyntheticCatalogue.Generate(procedures, seed);
        var pick = new Random(seed + 1);
        var applications = SyntheticApplication.Draw(count, seed + 2, _ => synthetic.Procedures[pick.Next(procedures)]);
        return Build(synthetic, applications);
    }

    /// <summary>
    /// <paramref name="perProcedure"/> applications to each of <paramref name="groups"/> procedures spread over the
    /// catalogue: a population for what-if analysis, the batch path's use.
    /// </summary>
    public static ScaleWorkload Grouped(int procedures, int groups, int perProcedure, int seed = SyntheticCatalogue.DefaultSeed)
    {
        var synthetic = SyntheticCatalogue.Generate(procedures, seed);
        var step = Math.Max(1, procedures / groups);
        var applications = SyntheticApplication.Draw(groups * perProcedure, seed + 3, i => synthetic.Procedures[(i / perProcedure * step) % procedures]);
        return Build(synthetic, applications);
    }

    private static ScaleWorkload Build(SyntheticCatalogue synthetic, SyntheticApplication[] applications)
    {
        var started = Stopwatch.GetTimestamp();
        var directory = synthetic.EnsureWritten();
        var written = Stopwatch.GetElapsedTime(started);
        var catalog = SyntheticCatalogue.LoadClean(directory);
        Console.WriteLine($"// Catalogue: {synthetic.Procedures.Length} procedures in {directory}; written or found in {written.TotalSeconds:0.0} s, loaded in {(Stopwatch.GetElapsedTime(started) - written).TotalSeconds:0.0} s.");
        var workload = new ScaleWorkload(synthetic, catalog, applications);
        workload.CheckAgreement();
        return workload;
    }

    // The three must give the same answer to every application, or the comparison means nothing.
    private void CheckAgreement()
    {
        var started = Stopwatch.GetTimestamp();
        var oneVisit = OneVisit.CheckMany(Requests).Select(PrecheckAnswer.Of).ToArray();
        for (var i = 0; i < Applications.Length; i++)
        {
            var application = Applications[i];
            var single = PrecheckAnswer.Of(OneVisit.Check(Requests[i]));
            var handWritten = HandWritten.Check(application);
            var rulesEngine = RulesEngine.Check(application);
            var difference = single.Difference(handWritten) is { } d1 ? $"OneVisit vs hand-written: {d1}"
                : single.Difference(rulesEngine) is { } d2 ? $"OneVisit vs RulesEngine: {d2}"
                : single.Difference(oneVisit[i]) is { } d3 ? $"Check vs CheckMany: {d3}"
                : null;
            if (difference is not null)
            {
                throw new InvalidOperationException($"Application {i} to {application.Procedure.Code}: the contenders disagree ({difference}).");
            }
        }

        var verdicts = oneVisit.GroupBy(a => a.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        var statuses = oneVisit.SelectMany(a => a.Materials).GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        Console.WriteLine($"// Workload: {Applications.Length} applications to {Applications.Select(a => a.Procedure.Code).Distinct().Count()} procedures, "
            + $"{Applications.Average(a => a.Procedure.Conditions.Length):0.0} conditions and {Applications.Average(a => a.Procedure.Materials.Length):0.0} materials on average; "
            + $"all three agree (checked and warmed in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s). Verdicts: {string.Join(", ", verdicts)}; material statuses: {string.Join(", ", statuses)}.");
    }
}
