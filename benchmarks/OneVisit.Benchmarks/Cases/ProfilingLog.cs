using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace OneVisit.Benchmarks.Cases;

/// <summary>
/// Counts the runtime's log events by id and sums the store writer's batches (event 103: writes and time), for
/// profiling runs: bounced queue items (205), parked events (203), commits per case.
/// </summary>
internal sealed class ProfilingLog : ILoggerProvider, ILogger
{
    private const int BatchCommitted = 103;

    private readonly ConcurrentDictionary<int, int> _events = new();
    private long _batchMicroseconds;
    private long _batchedWrites;

    /// <summary>What was logged per case since the last call, and starts counting afresh.</summary>
    public string Take(int cases, TimeSpan elapsed)
    {
        var busy = TimeSpan.FromMicroseconds(Interlocked.Exchange(ref _batchMicroseconds, 0));
        var writes = Interlocked.Exchange(ref _batchedWrites, 0);
        var events = string.Join(", ", _events.OrderBy(e => e.Key).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key}: {e.Value / (double)cases:F2}")));
        _events.Clear();
        return string.Create(CultureInfo.InvariantCulture,
            $"  writer: busy {busy.TotalSeconds:F2} s of {elapsed.TotalSeconds:F2} s, {writes / (double)cases:F1} writes per case\n  log events per case: {events}");
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        _events.AddOrUpdate(eventId.Id, 1, (_, n) => n + 1);
        if (eventId.Id != BatchCommitted || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            return;
        }

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
