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
}
