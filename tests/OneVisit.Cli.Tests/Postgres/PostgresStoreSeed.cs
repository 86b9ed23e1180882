using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Hosting;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Hosting;
using OneVisit.Workflows.PostgreSql;
using OneVisit.Workflows.Simulation;

namespace OneVisit.Cli.Tests.Postgres;

/// <summary>
/// A PostgreSQL case store as a host leaves it: the real case runtime started on the database with UsePostgreSql
/// (which creates the tables), the sample catalogue and simulated departments; errand 4 submitted and decided, so the
/// store holds a closed case with its audit chain; then the host is stopped, as the CLI reads a store no host runs on
/// in these tests.
/// </summary>
internal static class PostgresStoreSeed
{
    public const string Applicant = "330106198001010011";

    /// <summary>The case id of the closed errand-4 case.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static async Task<string> WithClosedCaseAsync(string connectionString)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2017, 2, 20, 9, 0, 0, TimeSpan.FromHours(8)));
        time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China"));
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(time);
        collection.AddLogging();
        collection.AddOneVisit()
            .AddCatalog(RepositoryRoot.SampleCatalogue)
            .AddWorkflows(w => w.UsePostgreSql(connectionString).UseSimulatedDepartments(_ => { }));
        await using var provider = collection.BuildServiceProvider();
        var runtime = provider.GetRequiredService<CaseRuntime>();
        await runtime.StartAsync();
        try
        {
            var catalog = provider.GetRequiredService<ProcedureCatalog>();
            var loaded = ApplicationFile.Load(Path.Combine(RepositoryRoot.SampleCatalogue, "applications", "04-housing-fund-rent-withdrawal.yaml"), catalog);
            Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
            // Each call by whom a host lets make it: the applicant submits, a reviewer of the competent authority decides.
            var service = provider.GetRequiredService<ICaseService>();
            var cases = service.As(CaseActor.System);
            var submitted = await service.As(CaseActor.Applicant(Applicant)).SubmitAsync(new CaseSubmission { IdempotencyKey = "errand-4", ApplicantId = Applicant, Application = loaded.Request! });
            var review = await cases.WaitUntilAsync(submitted.CaseId, s => s.Stage == CaseStage.UnderReview, TimeSpan.FromSeconds(30));
            var reviewer = CaseActor.Officer("officer-7", new OfficerPost(review.AuthorityId, OfficerRole.Reviewer));
            await service.As(reviewer).DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));
            await cases.WaitUntilAsync(submitted.CaseId, s => s.Stage == CaseStage.Closed, TimeSpan.FromSeconds(30));
            return submitted.CaseId;
        }
        finally
        {
            await runtime.StopAsync();
        }
    }
}
