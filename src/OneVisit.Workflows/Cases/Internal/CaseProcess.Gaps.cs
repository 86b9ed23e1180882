using OneVisit.Workflows.Audit;

namespace OneVisit.Workflows.Cases.Internal;

internal sealed partial class CaseProcess
{
    /// <summary>
    /// A material accepted with a gap (容缺受理): the applicant owes it by a date. Its deadline is real: a reminder
    /// before it, then what the catalogue's <c>on_missed</c> says. The case's review starts once every gap is
    /// settled, because the result is only issued on a complete file.
    /// </summary>
    private StepOutcome Gap(CaseData data, string materialId, object? received)
    {
        if (data.FindOwed(materialId) is not { State: OwedStates.Owed } owed)
        {
            return StepOutcome.Next;
        }

        var key = CaseEventNames.GapKey(data.CaseId, materialId);
        var name = data.DocumentName(materialId);
        switch (received)
        {
            case SuppliedDocuments supplied:
                data.RecordSupplied(supplied, _ => null);
                owed.State = OwedStates.Supplied;
                timers.Cancel(data.Writes, data.CaseId, GapTimer(materialId));
                Audit(data, $"gap:{materialId}:supplied", AuditActions.Supplemented, $"{name}, accepted with a gap, supplied by the applicant", actor: supplied.By ?? "applicant");
                return StepOutcome.Next;
            case CaseTimeout:
                owed.State = OwedStates.Missed;
                var what = $"{name}, accepted with a gap, was not supplied by the end of {owed.DueOn:yyyy-MM-dd}";
                Audit(data, $"gap:{materialId}:missed", AuditActions.DeadlineMissed, what);
                if (owed.OnMissed == MissedDeadlines.OfficerDecides)
                {
                    EscalateToOfficer(data, $"gap:{materialId}", what, owed.Due!.Value);
                    return StepOutcome.Next;
                }

                Audit(data, "withdrawn", AuditActions.Withdrawn, what);
                Close(data, CaseOutcome.Withdrawn, what);
                return StepOutcome.Next;
            default:
                if (owed.Due is null)
                {
                    owed.Due = calendar.EndOf(owed.DueOn);
                    ArmDeadline(data, GapTimer(materialId), owed.Due.Value, CaseEventNames.Applicant, key);
                }

                return StepOutcome.WaitFor(CaseEventNames.Applicant, key);
        }
    }

    private static string GapTimer(string materialId) => $"gap:{materialId}";
}
