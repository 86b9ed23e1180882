using Microsoft.Extensions.Logging;
using OneVisit.Workflows.Actors;

namespace OneVisit.Web.Internal;

internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Answered 404 for case {CaseId}: the caller may not {Operation} it")]
    public static partial void DeniedAsNotFound(this ILogger logger, string caseId, CaseOperation operation);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Refused a submission: the sender submitted too often; retry after {RetryAfter}")]
    public static partial void SubmissionLimited(this ILogger logger, TimeSpan retryAfter);
}
