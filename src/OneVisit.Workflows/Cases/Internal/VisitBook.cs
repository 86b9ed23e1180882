using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>Records a trip the applicant made for a case or a bundle case: the ledger line and its audit line, together.</summary>
internal static class VisitBook
{
    /// <summary>Checks the visit before anything is read: its purpose and window are printed in trails and listings.</summary>
    public static void Check(VisitMade? visit, string caseId)
    {
        ArgumentNullException.ThrowIfNull(visit);
        CaseInputs.Identifier(visit.Purpose, "visit.Purpose", caseId);
        if (visit.WindowId is { } windowId)
        {
            CaseInputs.Identifier(windowId, "visit.WindowId", caseId);
        }
    }

    /// <param name="ledgers">The ledger store.</param>
    /// <param name="caseId">The case (or bundle case) the trip was for.</param>
    /// <param name="applicantId">Whose trip it was.</param>
    /// <param name="caseWindow">The window the case was handed in at, when the visit names none.</param>
    /// <param name="visit">The trip.</param>
    /// <param name="now">When.</param>
    /// <param name="forWhat">Words after the purpose in the audit line (e.g. "(the whole bundle)"), or empty.</param>
    /// <param name="recordedBy">Who recorded the trip (an intake officer, a kiosk).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static Task RecordAsync(ILedgerStore ledgers, string caseId, string applicantId, string? caseWindow, VisitMade visit, DateTimeOffset now, string forWhat, Actors.CaseActor recordedBy, CancellationToken cancellationToken)
    {
        var window = visit.WindowId ?? caseWindow;
        return ledgers.RecordVisitAsync(
            $"{caseId}:visit:{visit.Purpose}:{now.UtcTicks}",
            new VisitRecord(caseId, applicantId, now, visit.Purpose, window),
            new AuditEntry(0, caseId, applicantId, now, recordedBy.AuditName, AuditActions.Visit, $"Came to {window ?? "the office"} for {visit.Purpose}{forWhat}"),
            cancellationToken);
    }
}
