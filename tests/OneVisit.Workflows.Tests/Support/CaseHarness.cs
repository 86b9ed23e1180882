using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Hosting;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Hosting;
using OneVisit.Workflows.PostgreSql;
using OneVisit.Workflows.Simulation;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>
/// The case runtime on a fresh SQLite file (or the PostgreSQL database <c>postgres</c> names) with the sample catalogue, simulated departments and a fake clock
/// set to the founding morning (2017-02-18, 09:00 in Hangzhou, UTC+8).
/// </summary>
internal sealed class CaseHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Morning = new(2017, 2, 20, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly ServiceProvider _provider;
    private readonly string _directory;
    private readonly bool _ownsDirectory;

    private readonly PersonalDataGuard _guard;

    private CaseHarness(ServiceProvider provider, string directory, FakeTimeProvider time, bool ownsDirectory, PersonalDataGuard guard, string? postgres)
    {
        Postgres = postgres;
        _guard = guard;
        _ownsDirectory = ownsDirectory;
        _provider = provider;
        _directory = directory;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public string DatabasePath => Path.Combine(_directory, "cases.db");

    /// <summary>The PostgreSQL database the runtime runs on; null when it runs on SQLite (<see cref="DatabasePath"/>).</summary>
    public string? Postgres { get; }

    /// <summary>Direct SQL on whichever store the runtime runs on.</summary>
    public StoreSql Sql => new(DatabasePath, Postgres);

    /// <summary>The case service, each call made by the actor who would make it (see <see cref="RoleplayCases"/>).</summary>
    public RoleplayCases Cases => new(_provider.GetRequiredService<ICaseService>());

    /// <summary>The service itself, for calls that name their own actor (<c>As</c>) and for its internals.</summary>
    public CaseService CaseService => _provider.GetRequiredService<CaseService>();

    public RoleplayBundles Bundles => new(_provider.GetRequiredService<IBundleCaseService>());

    /// <summary>The audit log as the host's processing reads it.</summary>
    public IAuditLog Audit => _provider.GetRequiredService<IAuditLog>().As(global::OneVisit.Workflows.Actors.CaseActor.System);

    public IVisitLedger Visits => _provider.GetRequiredService<IVisitLedger>().As(global::OneVisit.Workflows.Actors.CaseActor.System);

    public ICommitmentLedger Commitments => _provider.GetRequiredService<ICommitmentLedger>().As(global::OneVisit.Workflows.Actors.CaseActor.System);

    public SimulatedDepartments Departments => _provider.GetRequiredService<SimulatedDepartments>();

    public ProcedureCatalog Catalog => _provider.GetRequiredService<ProcedureCatalog>();

    public IServiceProvider Services => _provider;

    /// <param name="workflows">Runs after the simulated departments are added, so a provider it adds (even for <c>*</c>) takes their place.</param>
    /// <param name="overrides">Runs after the runtime's own registrations, so what it registers replaces theirs.</param>
    public static async Task<CaseHarness> StartAsync(Action<SimulatedDepartmentsOptions>? departments = null, Action<CaseOptions>? options = null, string? directory = null, Action<IServiceCollection>? services = null, string? catalog = null, TimeZoneInfo? clockZone = null, Action<WorkflowsBuilder>? workflows = null, Action<IServiceCollection>? overrides = null, string? postgres = null)
    {
        var ownsDirectory = directory is null;
        directory ??= Directory.CreateTempSubdirectory("onevisit-cases-").FullName;
        var time = new FakeTimeProvider(Morning);
        time.SetLocalTimeZone(clockZone ?? TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China"));
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        collection.AddSingleton<TimeProvider>(time);
        collection.AddMetrics();
        var guard = new PersonalDataGuard(PersonalDataGuard.SampleApplicants);
        // OneVisit's own lines at every level go through the guard; WorkflowCore's debug chatter (ids, no case data) does not.
        collection.AddLogging(b => b.AddFilter("OneVisit", Environment.GetEnvironmentVariable("ONEVISIT_TEST_LOG") == "debug" ? LogLevel.Trace : LogLevel.Debug).AddFilter("WorkflowCore", Environment.GetEnvironmentVariable("ONEVISIT_TEST_LOG") == "debug" ? LogLevel.Debug : LogLevel.Information).AddProvider(new ConsoleErrorLoggerProvider()).AddProvider(guard));
        collection.AddOneVisit()
            .AddCatalog(catalog ?? RepositoryRoot.SampleCatalogue)
            .AddWorkflows(w =>
            {
                if (postgres is null)
                {
                    w.UseSqlite($"Data Source={Path.Combine(directory, "cases.db")}");
                }
                else
                {
                    w.UsePostgreSql(postgres);
                }

                w.UseSimulatedDepartments(departments ?? (_ => { }));
                if (options is not null)
                {
                    w.Configure(options);
                }

                workflows?.Invoke(w);
            });
        overrides?.Invoke(collection);
        var provider = collection.BuildServiceProvider();
        await provider.GetRequiredService<CaseRuntime>().StartAsync();
        return new CaseHarness(provider, directory, time, ownsDirectory, guard, postgres);
    }

    /// <summary>The sample application of a founding errand, as a submission.</summary>
    public CaseSubmission Errand(string file, string key, string applicant = "330106198001010011")
    {
        var loaded = ApplicationFile.Load(Path.Combine(RepositoryRoot.SampleCatalogue, "applications", file), Catalog);

        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        return new CaseSubmission { IdempotencyKey = key, ApplicantId = applicant, Application = loaded.Request! };
    }

    /// <summary>A sample joint application of a bundle (一件事), as a submission.</summary>
    public BundleSubmission Bundle(string file, string key, string applicant = "330106199001010022")
    {
        var loaded = ApplicationFile.Load(Path.Combine(RepositoryRoot.SampleCatalogue, "applications", file), Catalog);

        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        return new BundleSubmission { IdempotencyKey = key, ApplicantId = applicant, Application = loaded.Bundle! };
    }

    public Task<BundleCaseSnapshot> WaitUntilBundle(string bundleCaseId, Func<BundleCaseSnapshot, bool> condition) =>
        Bundles.WaitUntilAsync(bundleCaseId, condition, TimeSpan.FromSeconds(30));

    /// <summary>The same submission with its facts changed by <paramref name="edit"/> (e.g. a seized vehicle).</summary>
    public static CaseSubmission WithFacts(CaseSubmission submission, Action<Dictionary<string, object?>> edit)
    {
        var facts = new Dictionary<string, object?>(submission.Application.Facts);
        edit(facts);
        return submission with { Application = submission.Application with { Facts = facts } };
    }

    public Task<CaseSnapshot> WaitUntil(string caseId, Func<CaseSnapshot, bool> condition) =>
        Cases.WaitUntilAsync(caseId, condition, TimeSpan.FromSeconds(30));

    public Task<CaseSnapshot> WaitForStage(string caseId, CaseStage stage) => WaitUntil(caseId, s => s.Stage == stage);

    public async ValueTask DisposeAsync()
    {
        await _provider.GetRequiredService<CaseRuntime>().StopAsync();
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDirectory)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown; the temp folder is cleaned by the OS.
            }
        }

        // Checked last, so a test that leaked still cleans up after itself.
        Assert.False(_guard.Leaks.Count > 0, "Personal data reached the log:\n" + string.Join("\n", _guard.Leaks));
    }
}
