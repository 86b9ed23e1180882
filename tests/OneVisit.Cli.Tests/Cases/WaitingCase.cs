using Microsoft.Extensions.DependencyInjection;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Hosting;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Hosting;

namespace OneVisit.Cli.Tests.Cases;

/// <summary>A store holding errand 1 (the branch registration) as a host left it: waiting for its supplement.</summary>
internal static class WaitingCase
{
    /// <summary>Submits errand 1 under <paramref name="key"/> on the SQLite store <paramref name="database"/>; returns the case id.</summary>
    public static Task<string> SubmitBranchRegistrationAsync(string database, string key) =>
        SubmitBranchRegistrationAsync(w => w.UseSqlite($"Data Source={database}"), key);

    /// <summary>Submits errand 1 under <paramref name="key"/> on the store <paramref name="store"/> chooses; returns the case id.</summary>
    public static async Task<string> SubmitBranchRegistrationAsync(Action<WorkflowsBuilder> store, string key)
    {
        var catalogue = RepositoryRoot.SampleCatalogue;
        var services = new ServiceCollection();
        services.AddOneVisit().AddCatalog(catalogue).AddWorkflows(w => store(w.UseSimulatedDepartments()));
        await using var provider = services.BuildServiceProvider();
        var runtime = provider.GetRequiredService<CaseRuntime>();
        await runtime.StartAsync();
        try
        {
            var catalog = provider.GetRequiredService<ProcedureCatalog>();
            var application = ApplicationFile.Load(Path.Combine(catalogue, "applications", "01-branch-registration.yaml"), catalog).Request!;
            var cases = provider.GetRequiredService<ICaseService>().As(OneVisit.Workflows.Actors.CaseActor.Applicant("330106198001010011"));
            var submitted = await cases.SubmitAsync(new CaseSubmission { IdempotencyKey = key, Application = application });
            await cases.WaitUntilAsync(submitted.CaseId, s => s.Stage == CaseStage.AwaitingSupplement, TimeSpan.FromSeconds(30));
            return submitted.CaseId;
        }
        finally
        {
            await runtime.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>The sample catalogue with version 2 of the branch registration, which no longer asks for the branch head's appointment.</summary>
    public static CatalogueCopy Version2()
    {
        var copy = new CatalogueCopy();
        var file = Path.Combine(copy.Path, "procedures", "330100-sc-0001-branch-registration.yaml");
        var text = File.ReadAllText(file).ReplaceLineEndings("\n");
        var changed = text
            .Replace("version: 1\neffective_from: 2016-03-01", "version: 2\neffective_from: 2017-02-20", StringComparison.Ordinal)
            .Replace("  - id: branch_head_appointment\n    document: branch_head_appointment\n    form: original\n", "", StringComparison.Ordinal);
        Assert.NotEqual(text, changed);
        File.WriteAllText(file, changed);

        // The catalogue's own test of this procedure pins version 1's materials.
        File.Delete(Path.Combine(copy.Path, "tests", "01-branch-registration.yaml"));
        return copy;
    }
}
