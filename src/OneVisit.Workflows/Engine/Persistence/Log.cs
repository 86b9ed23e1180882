using Microsoft.Extensions.Logging;

namespace OneVisit.Workflows.Engine.Persistence;

/// <summary>Source-generated log messages of WorkflowCore's store on SQLite (ids continue those of Persistence/Sqlite).</summary>
internal static partial class Log
{
    [LoggerMessage(106, LogLevel.Error, "Scheduled command {CommandName} for {Data} failed; it stays scheduled")]
    public static partial void ScheduledCommandFailed(ILogger logger, string commandName, string data, Exception exception);

    [LoggerMessage(108, LogLevel.Error, "An action after a committed save failed; the save stands")]
    public static partial void AfterCommitFailed(ILogger logger, Exception exception);
}
