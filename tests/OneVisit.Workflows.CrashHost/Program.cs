using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Hosting;
using OneVisit.Tests.Shared;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.CrashHost;
using OneVisit.Workflows.Hosting;
using OneVisit.Workflows.PostgreSql;

// Usage: crashhost <database> <department-log> <cases> <department-latency-ms> [bundles [<decisions>] | migrate <catalog> [<cases>]]
// <database> is a SQLite file, or "postgres:" followed by a PostgreSQL connection string (UsePostgreSql).
// Submits <cases> applications (idempotent keys, so a second run re-submits safely), decides every case that
// reaches review, and exits 0 once all are closed. The crash test kills the first run mid-flight.
// With "bundles", the applications are birth bundles (出生一件事): every member case is decided as it reaches
// review, each decision printed as "decided <n>" (counted in this run), so the test can kill the host while
// members are closing and their outputs are being passed on.
// With "migrate", nothing is submitted and the runtime is not started (as an operator's command runs): the open cases
// of errand 1 move to the version <catalog> holds, each printed as "settled <n> <case> <status>"; with a number after
// the catalogue, the run stops after that many and idles until it is killed.
// Each line must reach the test as it is written: the test kills this process on a progress line.
Console.SetOut(new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true });
var (database, departmentLog) = (args[0], args[1]);
var count = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var latency = TimeSpan.FromMilliseconds(int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
var bundleMode = args.Length > 4 && args[4] == "bundles";
var migrateMode = args.Length > 4 && args[4] == "migrate";

// With a number after "bundles", the officer stops after that many decisions and the host idles until it is killed:
// the kill then always finds bundles open, however fast the rest would have gone.
var decisionLimit = bundleMode && args.Length > 5 ? int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;
var catalogue = migrateMode ? args[5] : RepositoryRoot.SampleCatalogue;
var migrationLimit = migrateMode && args.Length > 6 ? int.Parse(args[6], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;
var services = new ServiceCollection();
services.AddLogging(b => b.AddProvider(new OneVisit.Workflows.Tests.Support.ConsoleErrorLoggerProvider()));
services.AddOneVisit().AddCatalog(catalogue)
    .AddWorkflows(w =>
    {
        const string Postgres = "postgres:";
        if (database.StartsWith(Postgres, StringComparison.Ordinal))
        {
            // A short lease: the killed host's locks pass to the next host within seconds instead of the default 30.
            w.UsePostgreSql(database[Postgres.Length..], o => (o.LockLease, o.HeartbeatInterval) = (TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1)));
        }
        else
        {
            w.UseSqlite($"Data Source={database}");
        }

        w.AddEvidenceProvider("*", new FileBackedDepartment(departmentLog, latency))
            .Configure(o => o.PollInterval = TimeSpan.FromSeconds(1));
    });
await using var provider = services.BuildServiceProvider();
if (migrateMode)
{
    var settled = 0;
    var progress = new SynchronousProgress(migration =>
    {
        Console.WriteLine($"settled {++settled} {migration.CaseId} {migration.Status}");
        if (settled >= migrationLimit)
        {
            // Told to stop here, between two cases, as a crash would: the process idles until the test kills it.
            Thread.Sleep(Timeout.Infinite);
        }
    });
    var plan = await provider.GetRequiredService<OneVisit.Workflows.Migration.ICaseMigrations>().As(OneVisit.Workflows.Actors.CaseActor.System)
        .ApplyAsync("330100-SC-0001", provider.GetRequiredService<ProcedureCatalog>().Procedures["330100-SC-0001"].Version, progress);
    Console.WriteLine($"migrated {plan.Count(OneVisit.Workflows.Migration.MigrationStatus.Moved)} already {plan.Count(OneVisit.Workflows.Migration.MigrationStatus.AlreadyMoved)}");
    return 0;
}

await provider.GetRequiredService<CaseRuntime>().StartAsync();
// Each call as the actor who would make it: the applicant submits and supplies, a reviewer decides.
var cases = new OneVisit.Workflows.Tests.Support.RoleplayCases(provider.GetRequiredService<ICaseService>());
var catalog = provider.GetRequiredService<ProcedureCatalog>();
if (bundleMode)
{
    await RunBundlesAsync(new OneVisit.Workflows.Tests.Support.RoleplayBundles(provider.GetRequiredService<IBundleCaseService>()), cases, catalog, count, decisionLimit);
    await provider.GetRequiredService<CaseRuntime>().StopAsync();
    return 0;
}

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
            await cases.DecideAsync(caseId, new OfficerDecision(Approved: true), token);
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

// The sample's birth bundle, submitted <count> times; its members are decided by one officer as they reach
// review (a decision stored before a kill is refused again as a conflict, or the member is closed by then), and
// its results are picked up once, until every bundle is closed.
static async Task RunBundlesAsync(IBundleCaseService bundles, ICaseService cases, ProcedureCatalog catalog, int count, int decisionLimit)
{
    var application = ApplicationFile.Load(Path.Combine(RepositoryRoot.SampleCatalogue, "applications", "05-birth-bundle.yaml"), catalog).Bundle!;
    var submitted = new List<string>();
    for (var i = 0; i < count; i++)
    {
        var snapshot = await bundles.SubmitAsync(new BundleSubmission { IdempotencyKey = $"crash-bundle-{i}", ApplicantId = $"applicant-{i}", Application = application });
        submitted.Add(snapshot.BundleCaseId);
        Console.WriteLine($"submitted {i + 1}");
    }

    var decisions = 0;
    var slots = 0;
    var timeout = TimeSpan.FromSeconds(60);
    // Every bundle at once (not one per core): the kill must find several bundles with members in flight.
    await Parallel.ForEachAsync(submitted, new ParallelOptions { MaxDegreeOfParallelism = count }, async (bundleCaseId, token) =>
    {
        var decided = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var state = await bundles.WaitUntilAsync(
                bundleCaseId,
                b => b.Stage is CaseStage.Closed or CaseStage.AwaitingPickup || b.Members.Any(m => m.CaseStage == CaseStage.UnderReview && !decided.Contains(m.CaseId!)),
                timeout,
                token);
            if (state.Stage == CaseStage.Closed)
            {
                break;
            }

            if (state.Stage == CaseStage.AwaitingPickup)
            {
                try
                {
                    await bundles.ConfirmPickupAsync(bundleCaseId, token);
                }
                catch (CaseConflictException)
                {
                    // Picked up before the kill; the bundle closes.
                }

                await bundles.WaitUntilAsync(bundleCaseId, b => b.IsClosed, timeout, token);
                break;
            }

            foreach (var member in state.Members.Where(m => m.CaseStage == CaseStage.UnderReview && decided.Add(m.CaseId!)))
            {
                // A slot is taken before deciding, so bundles deciding at once never pass the limit together.
                if (Interlocked.Increment(ref slots) > decisionLimit)
                {
                    // Told to stop here: the officer decides no more, and the host waits for its kill.
                    await Task.Delay(Timeout.Infinite, token);
                }

                try
                {
                    await cases.DecideAsync(member.CaseId!, new OfficerDecision(Approved: true), token);
                    Console.WriteLine($"decided {Interlocked.Increment(ref decisions)}");
                }
                catch (Exception ex) when (ex is CaseConflictException or CaseClosedException)
                {
                    // Decided before the kill: the decision stored then is the one that counts.
                }
            }
        }

        Console.WriteLine($"closed {bundleCaseId}");
    });

    Console.WriteLine("all closed");
}

/// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool), so a stop in the callback stops the run.</summary>
internal sealed class SynchronousProgress(Action<OneVisit.Workflows.Migration.CaseMigration> report) : IProgress<OneVisit.Workflows.Migration.CaseMigration>
{
    public void Report(OneVisit.Workflows.Migration.CaseMigration value) => report(value);
}
