using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneVisit.Rules.Hosting;
using OneVisit.Workflows;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Hosting;

namespace OneVisit.Benchmarks.Cases;

/// <summary>
/// OneVisit's case runtime as an integrator hosts it (public API only) on a fresh SQLite file in a temp
/// folder, with simulated departments that answer at once (Latency zero) and the system clock.
/// </summary>
internal sealed class OneVisitCaseHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly string _directory;

    private OneVisitCaseHost(ServiceProvider provider, string directory)
    {
        _provider = provider;
        _directory = directory;
        Cases = provider.GetRequiredService<ICaseService>();
    }

    public ICaseService Cases { get; }

    public string DatabasePath => Path.Combine(_directory, "cases.db");

    /// <summary>Log events by id, when started with <c>countEvents</c> (profiling: bounces, parked events, batches).</summary>
    public static System.Collections.Concurrent.ConcurrentDictionary<int, int> EventCounts { get; } = new();

    private static long _batchMicroseconds;
    private static long _batchedWrites;

    /// <summary>Time the store's writer spent in batches, and the writes they held, since the last call.</summary>
    public static (TimeSpan Busy, long Writes) TakeWriterStats() =>
        (TimeSpan.FromMicroseconds(Interlocked.Exchange(ref _batchMicroseconds, 0)), Interlocked.Exchange(ref _batchedWrites, 0));

    public static async Task<OneVisitCaseHost> StartAsync(Action<CaseOptions>? configure = null, bool countEvents = false)
    {
        var directory = Directory.CreateTempSubdirectory("onevisit-bench-").FullName;
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.AddProvider(new StderrWarnings());
            if (countEvents)
            {
                b.SetMinimumLevel(LogLevel.Trace).AddProvider(new EventCounter());
            }
        });
        services.AddOneVisit()
            .AddCatalog(BenchCatalogue.Directory)
            .AddWorkflows(w =>
            {
                w.UseSqlite($"Data Source={Path.Combine(directory, "cases.db")}").UseSimulatedDepartments();
                if (configure is not null)
                {
                    w.Configure(configure);
                }
            });
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<CaseRuntime>().StartAsync().ConfigureAwait(false);
        return new OneVisitCaseHost(provider, directory);
    }

    /// <summary>One case end to end: submit, wait for review, decide, wait for it to close.</summary>
    public async Task RunCaseAsync(string key, TimeSpan timeout, CasePhases? phases = null)
    {
        var start = Stopwatch.GetTimestamp();
        var submitted = await Cases.SubmitAsync(BenchCatalogue.Submission(key)).ConfigureAwait(false);
        var mark = phases?.Add(0, start) ?? 0;
        await Cases.WaitUntilAsync(submitted.CaseId, s => s.Stage == CaseStage.UnderReview, timeout).ConfigureAwait(false);
        mark = phases?.Add(1, mark) ?? 0;
        await Cases.DecideAsync(submitted.CaseId, BenchCatalogue.Approve).ConfigureAwait(false);
        mark = phases?.Add(2, mark) ?? 0;
        await Cases.WaitUntilAsync(submitted.CaseId, s => s.Stage == CaseStage.Closed, timeout).ConfigureAwait(false);
        phases?.Add(3, mark);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.GetRequiredService<CaseRuntime>().StopAsync().ConfigureAwait(false);
        await _provider.DisposeAsync().ConfigureAwait(false);
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

    private sealed class EventCounter : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            EventCounts.AddOrUpdate(eventId.Id, 1, (_, n) => n + 1);
            if (eventId.Id == 103 && state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    if (key == "ElapsedMs" && value is double ms)
                    {
                        Interlocked.Add(ref _batchMicroseconds, (long)(ms * 1000));
                    }
                    else if (key == "Count" && value is int count)
                    {
                        Interlocked.Add(ref _batchedWrites, count);
                    }
                }
            }
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
