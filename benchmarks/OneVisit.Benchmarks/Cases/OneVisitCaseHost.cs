using OneVisit.Workflows.Actors;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneVisit.Rules.Hosting;
using OneVisit.Workflows;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Hosting;
using OneVisit.Workflows.PostgreSql;

namespace OneVisit.Benchmarks.Cases;

/// <summary>
/// OneVisit's case runtime as an integrator hosts it (public API only) on a fresh SQLite file in a temp
/// folder, with simulated departments that answer at once (Latency zero) and the system clock.
/// </summary>
internal sealed class OneVisitCaseHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly string? _directory;

    private OneVisitCaseHost(ServiceProvider provider, string? directory)
    {
        _provider = provider;
        _directory = directory;
        Cases = provider.GetRequiredService<ICaseService>();
        Reads = Cases.As(CaseActor.System);
        Officer = Cases.As(BenchCatalogue.Reviewer);
    }

    /// <summary>The case service; each call names its actor with <c>As</c>.</summary>
    public ICaseService Cases { get; }

    /// <summary>The service as the host's processing, which reads (and waits) without a data-tracker line.</summary>
    public ICaseService Reads { get; }

    /// <summary>The service as the bureau's reviewer.</summary>
    public ICaseService Officer { get; }

    /// <summary>Submits the benchmark application under <paramref name="key"/>, as its applicant.</summary>
    public Task<CaseSnapshot> SubmitAsync(string key) => Cases.As(BenchCatalogue.Applicant(key)).SubmitAsync(BenchCatalogue.Submission(key));

    public string DatabasePath => Path.Combine(_directory ?? throw new InvalidOperationException("Not a SQLite host."), "cases.db");

    /// <summary>The host's services (the cluster modes read the node's own counters).</summary>
    public IServiceProvider Services => _provider;

    public static async Task<OneVisitCaseHost> StartAsync(Action<CaseOptions>? configure = null, ProfilingLog? profiling = null)
    {
        var directory = Directory.CreateTempSubdirectory("onevisit-bench-").FullName;
        var provider = Build(w => w.UseSqlite($"Data Source={Path.Combine(directory, "cases.db")}"), configure, profiling);
        await provider.GetRequiredService<CaseRuntime>().StartAsync().ConfigureAwait(false);
        return new OneVisitCaseHost(provider, directory);
    }

    /// <summary>
    /// The same host on the PostgreSQL database <paramref name="connectionString"/> names, as one node of a cluster
    /// (<paramref name="cluster"/> sets its name, lease and heartbeat); <paramref name="log"/> sees every line when given.
    /// </summary>
    public static async Task<OneVisitCaseHost> StartPostgreSqlAsync(string connectionString, Action<PostgreSqlCaseOptions>? cluster = null, ILoggerProvider? log = null, Action<CaseOptions>? configure = null)
    {
        var provider = Build(w => w.UsePostgreSql(connectionString, cluster), configure, log);
        await provider.GetRequiredService<CaseRuntime>().StartAsync().ConfigureAwait(false);
        return new OneVisitCaseHost(provider, directory: null);
    }

    private static ServiceProvider Build(Action<WorkflowsBuilder> storage, Action<CaseOptions>? configure, ILoggerProvider? log)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.AddProvider(new StderrWarnings());
            if (log is not null)
            {
                b.SetMinimumLevel(LogLevel.Trace).AddProvider(log);
            }
        });
        services.AddOneVisit()
            .AddCatalog(BenchCatalogue.Directory)
            .AddWorkflows(w =>
            {
                storage(w);
                w.UseSimulatedDepartments();
                if (configure is not null)
                {
                    w.Configure(configure);
                }
            });
        return services.BuildServiceProvider();
    }

    /// <summary>One case end to end: submit, wait for review, decide, wait for it to close.</summary>
    public async Task RunCaseAsync(string key, TimeSpan timeout, CasePhases? phases = null)
    {
        var start = Stopwatch.GetTimestamp();
        var submitted = await SubmitAsync(key).ConfigureAwait(false);
        var mark = phases?.Add(0, start) ?? 0;
        await Reads.WaitUntilAsync(submitted.CaseId, s => s.Stage == CaseStage.UnderReview, timeout).ConfigureAwait(false);
        mark = phases?.Add(1, mark) ?? 0;
        await Officer.DecideAsync(submitted.CaseId, BenchCatalogue.Approve).ConfigureAwait(false);
        mark = phases?.Add(2, mark) ?? 0;
        await Reads.WaitUntilAsync(submitted.CaseId, s => s.Stage == CaseStage.Closed, timeout).ConfigureAwait(false);
        phases?.Add(3, mark);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.GetRequiredService<CaseRuntime>().StopAsync().ConfigureAwait(false);
        await _provider.DisposeAsync().ConfigureAwait(false);
        if (_directory is null)
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held on a slow shutdown; the temp folder is the OS's to clean.
        }
    }

    /// <summary>Warnings and errors to stderr, so a failing case is seen rather than timed.</summary>
    private sealed class StderrWarnings : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    Console.Error.WriteLine($"[{logLevel}] {category}: {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}
