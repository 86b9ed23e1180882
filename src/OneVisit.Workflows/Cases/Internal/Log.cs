using Microsoft.Extensions.Logging;

namespace OneVisit.Workflows.Cases.Internal;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Case {CaseId} submitted for {ProcedureCode} v{Version}")]
    public static partial void CaseSubmitted(ILogger logger, string caseId, string procedureCode, int version);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Case {CaseId} closed: {Outcome}")]
    public static partial void CaseClosed(ILogger logger, string caseId, CaseOutcome outcome);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Case {CaseId}: evidence request {Key} is sent again after an interruption (same idempotency key)")]
    public static partial void EvidenceResent(ILogger logger, string caseId, string key);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Case {CaseId}: the {Limit} limit {What} (due {Due})")]
    public static partial void Escalated(ILogger logger, string caseId, string limit, string what, DateTimeOffset due);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Escalation observer failed for case {CaseId}")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string caseId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "Timer {TimerId} of case {CaseId} failed; it stays pending and is retried")]
    public static partial void TimerFailed(ILogger logger, Exception exception, string timerId, string caseId);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Case {CaseId} was recorded without a workflow (interrupted submission); it was linked to workflow {WorkflowId}")]
    public static partial void SubmissionRepaired(ILogger logger, string caseId, string workflowId);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Case {CaseId}: the applicant is reminded of {Wait} (due {Due})")]
    public static partial void Reminded(ILogger logger, string caseId, string wait, DateTimeOffset due);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Case {CaseId}: refused a call by {Actor}: {Reason}")]
    public static partial void AttemptRefused(ILogger logger, string caseId, string actor, string reason);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Case {CaseId} was recorded but its workflow never started (a failed submission); the record was removed")]
    public static partial void HalfMadeCaseRemoved(ILogger logger, string caseId);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Case {CaseId}: evidence request {Key} to {DepartmentId} failed; it is sent again in {Delay}")]
    public static partial void EvidenceSendFailed(ILogger logger, Exception exception, string caseId, string key, string departmentId, TimeSpan delay);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Case {CaseId}: {DepartmentId} answered {Key} after the case stopped waiting for it; the answer is stored, not applied")]
    public static partial void EvidenceAnswerLate(ILogger logger, string caseId, string key, string departmentId);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "Looking for evidence requests other nodes left failed; the next look tries again")]
    public static partial void EvidenceRescanFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Warning, Message = "Looking for timers other nodes armed failed; the next look tries again")]
    public static partial void TimerRescanFailed(ILogger logger, Exception exception);
}
