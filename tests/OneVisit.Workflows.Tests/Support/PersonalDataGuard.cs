using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>
/// A logger that remembers every log line (message or exception) naming one of the sample applicants' national ids:
/// personal data must never reach a log, whatever the level. <see cref="CaseHarness"/> fails the test that caused one
/// when it is disposed.
/// </summary>
internal sealed class PersonalDataGuard(IReadOnlyList<string> personalIds) : ILoggerProvider
{
    /// <summary>The ids the sample applications and tests use for applicants (resident ID-card numbers).</summary>
    public static readonly IReadOnlyList<string> SampleApplicants = ["330106198001010011", "330106199001010022"];

    private readonly ConcurrentQueue<string> _leaks = new();

    public IReadOnlyCollection<string> Leaks => _leaks;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Check(string category, string text)
    {
        foreach (var id in personalIds)
        {
            if (text.Contains(id, StringComparison.Ordinal))
            {
                _leaks.Enqueue($"{category}: {text}");
            }
        }
    }

    private sealed class Logger(PersonalDataGuard guard, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            guard.Check(category, formatter(state, exception) + " " + exception);
    }
}
