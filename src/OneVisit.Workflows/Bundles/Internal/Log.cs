using Microsoft.Extensions.Logging;
using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Bundles.Internal;

internal static partial class Log
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Bundle case {BundleCaseId} submitted for {BundleCode} v{Version} with {Members} member(s)")]
    public static partial void BundleSubmitted(ILogger logger, string bundleCaseId, string bundleCode, int version, int members);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Bundle case {BundleCaseId} closed: {Outcome}")]
    public static partial void BundleClosed(ILogger logger, string bundleCaseId, CaseOutcome outcome);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Bundle case {BundleCaseId} started member case {CaseId} ({ProcedureCode})")]
    public static partial void MemberStarted(ILogger logger, string bundleCaseId, string caseId, string procedureCode);
}
