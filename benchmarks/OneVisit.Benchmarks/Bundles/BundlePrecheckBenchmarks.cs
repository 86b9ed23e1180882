using BenchmarkDotNet.Attributes;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Benchmarks.Bundles;

/// <summary>
/// The issue's bound: a bundle precheck of a 4–5 member bundle costs no more than the sum of its members' single
/// prechecks. For each sample bundle application (catalog/hangzhou/applications naming a bundle), the baseline
/// prechecks every member that goes ahead one by one with the same answers and documents, plus what the members
/// before it pass on and settle, as an applicant doing the matter department by department would be prechecked; <see cref="CheckBundle"/> answers for the whole
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
        Directory.EnumerateFiles(Path.Combine(SampleCatalogue.Directory, "applications"), "*.yaml")
            .Where(f => File.ReadLines(f).Any(l => l.StartsWith("bundle:", StringComparison.Ordinal)))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    [GlobalSetup]
    public void Setup()
    {
        var directory = SampleCatalogue.Directory;
        var catalog = CatalogLoader.Load(directory).GetCatalogOrThrow();
        var file = ApplicationFile.Load(Path.Combine(directory, "applications", Application), catalog);
        _bundle = file.Bundle ?? throw new InvalidOperationException($"{Application} is not a bundle application: {string.Join("; ", file.Diagnostics)}");
        _bundle = _bundle with { AsOf = _bundle.AsOf ?? catalog.Info.AsOf };
        _engine = new PrecheckEngine(catalog);
        var result = _engine.CheckBundle(_bundle);
        // Each member as it is prechecked on its own once the members before it are done: with what they pass on
        // (held, or passed on by their department) and the yes/no facts their results settle. The same work the
        // bundle gives each member, so the ratio is what answering for the matter adds.
        var goingAhead = result.GoingAhead.Select(m => m.Procedure.Code).ToHashSet(StringComparer.Ordinal);
        _members = [.. result.GoingAhead.Select(m => new PrecheckRequest
        {
            ProcedureCode = m.Procedure.Code,
            AsOf = _bundle.AsOf,
            WindowId = _bundle.WindowId,
            Facts = Settled(_bundle.Facts, result.Bundle.FlowsInto(m.Procedure.Code).Where(f => goingAhead.Contains(f.FromProcedure)).SelectMany(f => f.Settles)),
            Documents = [.. _bundle.Documents, .. m.Result!.Materials.Select(x => x.Held).OfType<HeldDocument>().Where(h => !_bundle.Documents.Contains(h)).Distinct()],
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

    private static Dictionary<string, object?> Settled(IReadOnlyDictionary<string, object?> answers, IEnumerable<string> settled)
    {
        var facts = new Dictionary<string, object?>(answers, StringComparer.Ordinal);
        foreach (var path in settled)
        {
            facts[path] = true;
        }

        return facts;
    }
}
