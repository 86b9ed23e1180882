using Microsoft.Extensions.Logging;

namespace OneVisit.Workflows.Actors.Internal;

internal static partial class Log
{
    // Actors are named as in CaseActor.LogName: never an applicant's or agent's id, which are personal data.
    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Denied {Operation} to {Actor} on case {CaseId}")]
    public static partial void Denied(ILogger logger, CaseOperation operation, string actor, string caseId);
}
