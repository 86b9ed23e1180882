using Microsoft.Extensions.Logging;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>Source-generated log messages of the SQLite database (no boxing, no formatting when disabled).</summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Information, "Applied migration {Version} of the {Component} schema")]
    public static partial void MigrationApplied(ILogger logger, string component, int version);

    [LoggerMessage(102, LogLevel.Debug, "The {Component} schema is at version {Version}")]
    public static partial void SchemaCurrent(ILogger logger, string component, int version);

    [LoggerMessage(103, LogLevel.Debug, "Committed {Count} writes ({Failed} failed) in one transaction in {ElapsedMs:F2} ms")]
    public static partial void BatchCommitted(ILogger logger, int count, int failed, double elapsedMs);

    [LoggerMessage(104, LogLevel.Error, "A batch of {Count} writes could not be committed; all of them failed")]
    public static partial void BatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(105, LogLevel.Debug, "A queued write failed and was rolled back to its savepoint")]
    public static partial void WriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(107, LogLevel.Information, "Opened the case database at {DataSource}")]
    public static partial void DatabaseOpened(ILogger logger, string dataSource);
}
