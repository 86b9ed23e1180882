using Microsoft.Extensions.Logging;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>Writes warnings and errors to stderr, where the test runner shows them next to a failure.</summary>
internal sealed class ConsoleErrorLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= (Environment.GetEnvironmentVariable("ONEVISIT_TEST_LOG") == "debug" ? LogLevel.Trace : LogLevel.Warning);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Console.Error.WriteLine($"[{logLevel}] {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
