using OneVisit.Benchmarks.Synthetic;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>
/// The scale benchmarks' generated catalogue is a real catalogue (it lints clean), is the same for the same seed,
/// and the hand-written baseline they compare with answers exactly as the engine does.
/// </summary>
public sealed class SyntheticCatalogueTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "onevisit-synthetic-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Load_HundredGeneratedProcedures_NoDiagnostics()
    {
        var synthetic = SyntheticCatalogue.Generate(procedures: 100);
        synthetic.WriteTo(_directory);

        var result = CatalogLoader.Load(_directory);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(100, result.GetCatalogOrThrow().Procedures.Count);
    }

    [Fact]
    public void Generate_SameSeed_WritesTheSameFiles()
    {
        SyntheticCatalogue.Generate(procedures: 20).WriteTo(Path.Combine(_directory, "a"));
        SyntheticCatalogue.Generate(procedures: 20).WriteTo(Path.Combine(_directory, "b"));

        var a = Directory.GetFiles(Path.Combine(_directory, "a"), "*.yaml", SearchOption.AllDirectories).Order().Select(File.ReadAllText);
        var b = Directory.GetFiles(Path.Combine(_directory, "b"), "*.yaml", SearchOption.AllDirectories).Order().Select(File.ReadAllText);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Check_GeneratedApplications_AgreesWithHandWrittenBaseline()
    {
        var synthetic = SyntheticCatalogue.Generate(procedures: 100);
        synthetic.WriteTo(_directory);
        var engine = new PrecheckEngine(SyntheticCatalogue.LoadClean(_directory));
        var baseline = new HandWrittenPrecheck(synthetic.Procedures);
        var applications = SyntheticApplication.Draw(300, seed: 7, i => synthetic.Procedures[i % 100]);

        var answers = applications.Select(a => PrecheckAnswer.Of(engine.Check(a.ToRequest()))).ToList();

        var disagreements = answers
            .Select((answer, i) => answer.Difference(baseline.Check(applications[i])) is { } d ? $"{i} ({applications[i].Procedure.Code}): {d}" : null)
            .OfType<string>();
        Assert.Empty(disagreements);
        // Not one lucky path: online, one visit, not yet and not eligible all occur (the generator never makes two visits).
        Assert.Equal(4, answers.Select(a => a.Verdict).Distinct().Count());
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
