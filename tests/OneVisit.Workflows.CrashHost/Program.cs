using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Hosting;
using OneVisit.Tests.Shared;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.CrashHost;
using OneVisit.Workflows.Hosting;

// Usage: crashhost <database> <department-log> <cases> <department-latency-ms>
// Submits <cases> applications (idempotent keys, so a second run re-submits safely), decides every case that
// reaches review, and exits 0 once all are closed. The crash test kills the first run mid-flight.
// Each line must reach the test as it is written: the test kills this process on a progress line.
Console.SetOut(new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true });
var (database, departmentLog) = (args[0], args[1]);
var count = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var latency = TimeSpan.FromMilliseconds(int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
var services = new ServiceCollection();
services.AddLogging(b => b.AddProvider(new OneVisit.Workflows.Tests.Support.ConsoleErrorLoggerProvider()));
services.AddOneVisit().AddCatalog(RepositoryRoot.SampleCatalogue)
    .AddWorkflows(w => w
        .UseSqlite($"Data Source={database}")
        .AddEvidenceProvider("*", new FileBackedDepartment(departmentLog, latency))
        .Configure(o => o.PollInterval = TimeSpan.FromSeconds(1)));
await using var provider = services.BuildServiceProvider();
await provider.GetRequiredService<CaseRuntime>().StartAsync();
var cases = provider.GetRequiredService<CaseService>();
var catalog = provider.GetRequiredService<ProcedureCatalog>();

string[] errands = ["03-company-name-province.yaml", "04-housing-fund-rent-withdrawal.yaml", "01-branch-registration.yaml"];
var submitted = new List<CaseSnapshot>();
for (var i = 0; i < count; i++)
{
    var file = errands[i % errands.Length];
    var application = ApplicationFile.Load(Path.Combine(RepositoryRoot.SampleCatalogue, "applications", file), catalog).Request!;
    var snapshot = await cases.SubmitAsync(new CaseSubmission { IdempotencyKey = $"crash-{i}", ApplicantId = $"applicant-{i}", Application = application });
    submitted.Add(snapshot);
    Console.WriteLine($"submitted {i + 1}");
}

await Parallel.ForEachAsync(submitted, async (snapshot, token) =>
{
    var caseId = snapshot.CaseId;
    var state = await cases.WaitUntilAsync(caseId, s => s.Stage is CaseStage.AwaitingSupplement or CaseStage.UnderReview or CaseStage.Closed, TimeSpan.FromSeconds(60), token);
    if (state.Stage == CaseStage.AwaitingSupplement)
    {
        try
        {
            await cases.SupplyDocumentsAsync(caseId, new SuppliedDocuments([new("lease_contract"), new("branch_head_appointment")]), token);
        }
        catch (UnexpectedCaseEventException)
        {
            // Supplied before the kill; the case moves on.
        }

        state = await cases.WaitUntilAsync(caseId, s => s.Stage is CaseStage.UnderReview or CaseStage.Closed, TimeSpan.FromSeconds(60), token);
    }

    if (state.Stage == CaseStage.UnderReview)
    {
        try
        {
            await cases.DecideAsync(caseId, new OfficerDecision("officer-crash", state.AuthorityId, Approved: true), token);
        }
        catch (CaseClosedException)
        {
            // The decision made before the kill was stored and has been acted on since.
        }
    }

    await cases.WaitUntilAsync(caseId, s => s.Stage == CaseStage.Closed, TimeSpan.FromSeconds(60), token);
    Console.WriteLine($"closed {caseId}");
});

Console.WriteLine("all closed");
await provider.GetRequiredService<CaseRuntime>().StopAsync();
return 0;
