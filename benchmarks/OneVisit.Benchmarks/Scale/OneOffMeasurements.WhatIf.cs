using System.Diagnostics;
using System.Globalization;
using OneVisit.Benchmarks.Synthetic;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.WhatIf;
using OneVisit.Rules.WhatIf.Populations;

namespace OneVisit.Benchmarks.Scale;

/// <summary>
/// A reform over the synthetic catalogue with a million weighted situations, baseline and reform both evaluated, timed
/// wall clock from loading the catalogue to the finished report in a fresh process (issue 18's target: under 60 s on
/// 2 cores, loading included), with the memory it took. BenchmarkDotNet cannot time this: one run is the measurement.
/// </summary>
internal static partial class OneOffMeasurements
{
    private static void WhatIf(int size, long situations)
    {
        var synthetic = SyntheticCatalogue.Generate(size);
        var directory = synthetic.EnsureWritten(); // generated before the clock starts, as a real catalogue exists on disk
        var (reformPath, document, consumers) = WriteReform(synthetic, directory);
        var spec = Spec(synthetic, situations);

        var started = Stopwatch.GetTimestamp();
        var catalog = SyntheticCatalogue.LoadClean(directory);
        var loaded = Stopwatch.GetElapsedTime(started);
        var reforms = ReformLoader.Load(catalog, [reformPath]);
        if (!reforms.Succeeded)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, reforms.Diagnostics));
        }

        var report = WhatIfRun.Run(reforms, new GeneratedPopulation(spec), new WhatIfOptions { CatalogueHash = CatalogLoader.ContentHash(directory) });
        var total = Stopwatch.GetElapsedTime(started);
        var process = Process.GetCurrentProcess();
        var figures = report.Total.Figures!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {size:N0} | {report.Record.Situations:N0} | {Environment.ProcessorCount} | {loaded.TotalSeconds:0.0} s | {(total - loaded).TotalSeconds:0.0} s | **{total.TotalSeconds:0.0} s** | "
            + $"{process.PeakWorkingSet64 / (1024 * 1024):N0} MB | {GC.GetTotalAllocatedBytes() / (1024 * 1024 * 1024.0):0.0} GB | {GC.CollectionCount(2)} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reform: share '{document}' with its {consumers:N0} consumers; {figures.Cases:N0} cases a year, trips {figures.TripsBefore:N0} → {figures.TripsAfter:N0}, "
            + $"affected {figures.Affected:N0}, worse off {figures.Losers:N0}; skipped {report.Record.Skipped:N0}"));
    }

    // Shares the authority-issued document most procedures ask for and do not yet fetch: the reform that touches most.
    private static (string Path, string Document, int Consumers) WriteReform(SyntheticCatalogue synthetic, string directory)
    {
        var (document, consumers) = synthetic.Procedures
            .SelectMany(p => p.Materials.Where(m => m.Document.IssuedBy is not null && m.Exemptions.Length == 0).Select(m => m.Document.Id).Distinct())
            .GroupBy(id => id)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First();
        var path = Path.Combine(Path.GetDirectoryName(directory)!, $"reform-{Path.GetFileName(directory)}.yaml");
        File.WriteAllText(path, $"""
            reform: share_{document}
            name: 共享{document}
            effective_from: {SyntheticCatalogue.AsOf:yyyy-MM-dd}
            changes:
              - share_document: {"{"}document: {document}, consumers: all{"}"}
            """);
        return (path, document, consumers);
    }

    // Every procedure an entry, volumes spread over two orders of magnitude, each fact its conditions use drawn evenly.
    private static PopulationSpec Spec(SyntheticCatalogue synthetic, long situations) => new()
    {
        Name = "synthetic",
        Seed = 18,
        Situations = situations,
        Entries = [.. synthetic.Procedures.Select((p, i) => new PopulationEntry(p.Code, 100 + (i * 7919 % 10_000), [.. p.Facts.Select(Distribution)]))],
    };

    private static FactDistribution Distribution(FactSpec fact) => fact.Kind switch
    {
        FactKind.Bool => new FactShares(fact.Path, [new ValueShare(true, 0.5), new ValueShare(false, 0.5)]),
        FactKind.Enum => new FactShares(fact.Path, [.. fact.Values!.Select(v => new ValueShare(v, 1.0 / fact.Values!.Length))]),
        _ => new NumberRange(fact.Path, (long)fact.Min, (long)(fact.Min + fact.Range)),
    };
}
