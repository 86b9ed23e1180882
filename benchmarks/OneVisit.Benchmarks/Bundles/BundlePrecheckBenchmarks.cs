using BenchmarkDotNet.Attributes;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Benchmarks.Bundles;

/// <summary>
/// The issue's bound: a bundle precheck of a 4–5 member bundle costs no more than the sum of its members' single
/// prechecks. For each sample bundle application (catalog/hangzhou/applications naming a bundle), the baseline
/// prechecks every member that goes ahead one by one with the same answers and documents, as an applicant doing
/// the matter department by department would be prechecked; <see cref="CheckBundle"/> answers for the whole
/// matter (inclusion, passed-on results, merged materials, one notice, the trips). Both run warm.
/// </summary>
[MemoryDiagnoser]
public class BundlePrecheckBenchmarks
{
    private PrecheckEngine _engine = null!;
    private BundlePrecheckRequest _bundle = null!;
    private PrecheckRequest[] _members = null!;

    /// <summary>The sample bundle application file (05-… to 08-…), by name.</summary>
    [ParamsSource(nameof(Applications))]
    public string Application { get; set; } = "";

    public static IEnumerable<string> Applications() =>
        Directory.EnumerateFiles(Path.Combine(SampleCatalogue(), "applications"), "*.yaml")
            .Where(f => File.ReadLines(f).Any(l => l.StartsWith("bundle:", StringComparison.Ordinal)))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    [GlobalSetup]
    public void Setup()
    {
        var directory = SampleCatalogue();
        var catalog = CatalogLoader.Load(directory).GetCatalogOrThrow();
        var file = ApplicationFile.Load(Path.Combine(directory, "applications", Application), catalog);
        _bundle = file.Bundle ?? throw new InvalidOperationException($"{Application} is not a bundle application: {string.Join("; ", file.Diagnostics)}");
        _bundle = _bundle with { AsOf = _bundle.AsOf ?? catalog.Info.AsOf };
        _engine = new PrecheckEngine(catalog);
        var result = _engine.CheckBundle(_bundle);
        _members = [.. result.GoingAhead.Select(m => new PrecheckRequest
        {
            ProcedureCode = m.Procedure.Code,
            AsOf = _bundle.AsOf,
            WindowId = _bundle.WindowId,
            Facts = _bundle.Facts,
            Documents = _bundle.Documents,
        })];
        Console.WriteLine($"// {Application}: {result.Bundle.Code}, {_members.Length} members going ahead, {result.Visits.Count} trips (naive sum {result.Visits.NaiveSum})");
    }

    /// <summary>Each member that goes ahead, prechecked on its own: the sum the bundle is held to.</summary>
    [Benchmark(Baseline = true)]
    public int MembersOneByOne()
    {
        var visits = 0;
        foreach (var member in _members)
        {
            visits += _engine.Check(member).Visits.Count;
        }

        return visits;
    }

    /// <summary>The whole matter in one call.</summary>
    [Benchmark]
    public int CheckBundle() => _engine.CheckBundle(_bundle).Visits.Count;

    private static string SampleCatalogue()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "catalog", "hangzhou");
            if (File.Exists(Path.Combine(candidate, "catalog.yaml")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The sample catalogue (catalog/hangzhou) was not found above the benchmark's folder; run it from the repository.");
    }
}
