using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Hosting;
using OneVisit.Workflows.Hosting;

namespace OneVisit.Cli.Common;

/// <summary>The case runtime's services, as a host would register them, for the commands that work on cases.</summary>
internal static class CaseServices
{
    /// <param name="catalogue">The catalogue, loaded (and its diagnostics shown) by the command.</param>
    /// <param name="directory">Its folder.</param>
    /// <param name="store">Chooses the case store (<c>UseSqlite</c> or <c>UsePostgreSql</c> with its connection string).</param>
    /// <param name="time">The clock, with the offices' time zone as its local zone.</param>
    /// <param name="errors">Where error log lines go.</param>
    /// <param name="workflows">More settings of the case runtime.</param>
    public static ServiceProvider Build(ProcedureCatalog catalogue, string directory, Action<WorkflowsBuilder> store, TimeProvider time, TextWriter errors, Action<WorkflowsBuilder>? workflows = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        // Registered before AddOneVisit, which then keeps it instead of loading the folder a second time.
        services.AddSingleton(catalogue);
        // Only errors reach the terminal: the commands report what happened themselves.
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error).AddProvider(new ErrorLoggerProvider(errors)));
        services.AddOneVisit()
            .AddCatalog(directory)
            .AddWorkflows(w =>
            {
                store(w);
                workflows?.Invoke(w);
            });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }

    /// <summary>Writes error log lines to standard error, one line each.</summary>
    private sealed class ErrorLoggerProvider(TextWriter errors) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(errors, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(TextWriter errors, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel))
                {
                    return;
                }

                lock (errors)
                {
                    errors.WriteLine($"onevisit: {logLevel.ToString().ToLowerInvariant()} in {category}: {formatter(state, exception)}{(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")}");
                }
            }
        }
    }
}
