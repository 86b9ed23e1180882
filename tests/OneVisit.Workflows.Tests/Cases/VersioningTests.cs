using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>A case keeps the procedure version it started on; new cases take the newest.</summary>
public sealed class VersioningTests
{
    [Fact]
    public async Task SubmitAsync_CatalogueAndHostChangeWhileRunning_CaseKeepsItsVersion()
    {
        var root = Directory.CreateTempSubdirectory("onevisit-versions-").FullName;
        var catalog = Path.Combine(root, "catalog");
        CopyDirectory(RepositoryRoot.SampleCatalogue, catalog);
        try
        {
            string oldCase;
            await using (var before = await CaseHarness.StartAsync(directory: root, catalog: catalog))
            {
                oldCase = (await before.Cases.SubmitAsync(before.Errand("03-company-name-province.yaml", "v1"))).CaseId;
                await before.WaitForStage(oldCase, CaseStage.UnderReview);
            }

            // Policy staff publish version 2 with a shorter statutory limit; the host restarts on it.
            var file = Directory.GetFiles(Path.Combine(catalog, "procedures"), "330100-sc-0003-*.yaml").Single();
            var yaml = File.ReadAllText(file);
            yaml = yaml.Replace("\nversion: 1", "\nversion: 2", StringComparison.Ordinal).Replace("working_days: 10", "working_days: 5", StringComparison.Ordinal);
            File.WriteAllText(file, yaml);

            await using var after = await CaseHarness.StartAsync(directory: root, catalog: catalog);
            var kept = await after.Cases.GetAsync(oldCase);
            var newCase = await after.Cases.SubmitAsync(after.Errand("03-company-name-province.yaml", "v2"));
            await after.Cases.DecideAsync(oldCase, new OfficerDecision(Approved: true));
            var closed = await after.WaitForStage(oldCase, CaseStage.Closed);

            Assert.Equal((1, 10), (kept.ProcedureVersion, kept.Deadlines.Single(d => d.Kind == "statutory").Days));
            Assert.Equal((2, 5), (newCase.ProcedureVersion, newCase.Deadlines.Single(d => d.Kind == "statutory").Days));
            Assert.Equal(CaseOutcome.Approved, closed.Outcome);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
