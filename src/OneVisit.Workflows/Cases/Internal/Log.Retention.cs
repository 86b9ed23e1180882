using Microsoft.Extensions.Logging;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>Retention's lines (2201–2299): counts and case ids only, never what a case was about.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Retention keeps finished cases for {Period}; sweeping every {Interval}")]
    public static partial void RetentionStarted(ILogger logger, TimeSpan period, TimeSpan interval);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Retention purged {Count} case(s) closed before {ClosedBefore}")]
    public static partial void RetentionSwept(ILogger logger, int count, DateTimeOffset closedBefore);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Debug, Message = "Case {CaseId} purged (with {Members} member case(s))")]
    public static partial void CasePurged(ILogger logger, string caseId, int members);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "Case {CaseId} was not purged: its workflow still runs, or it was purged meanwhile; a later sweep looks again")]
    public static partial void PurgeSkipped(ILogger logger, string caseId);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Error, Message = "The retention sweep failed; it runs again in {Interval}")]
    public static partial void SweepFailed(ILogger logger, Exception exception, TimeSpan interval);
}
