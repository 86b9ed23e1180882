using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Deadlines;

namespace OneVisit.Workflows.Cases;

/// <summary>Builds the public view of a case from its stored data.</summary>
internal static class CaseSnapshots
{
    public static CaseSnapshot From(CaseData data, CaseCalendar calendar, int visitsMade)
    {
        var decidedAt = data.Clock.StoppedAt;
        return new CaseSnapshot
        {
            CaseId = data.CaseId,
            ProcedureCode = data.Terms.Code,
            ProcedureVersion = data.Terms.Version,
            ProcedureName = new LocalizedText(data.Terms.Name, data.Terms.NameEn),
            ApplicantId = data.ApplicantId,
            Stage = data.Stage,
            Outcome = data.Outcome,
            OutcomeReason = data.OutcomeReason,
            AuthorityId = data.AuthorityId,
            ForwardedFromWindowId = data.ForwardedFromWindowId,
            SubmittedAt = data.SubmittedAt,
            ClosedAt = data.ClosedAt,
            Awaiting = Awaiting(data),
            Evidence = [.. data.Evidence.Select(e => new EvidenceItem(e.MaterialId, e.DocumentId, e.DepartmentId, e.State, e.Note))],
            Deadlines = [.. Deadlines(data, calendar, decidedAt)],
            ClockPausedFor = data.Clock.PausedFor.Count == 0 ? null : "waiting for the applicant: " + string.Join(", ", data.Clock.PausedFor),
            Decision = data.Decision,
            Delivery = data.Delivery,
            PredictedVisits = data.PredictedVisits,
            VisitsMade = visitsMade,
        };
    }

    private static List<AwaitedItem> Awaiting(CaseData data)
    {
        var items = new List<AwaitedItem>();
        switch (data.Stage)
        {
            case CaseStage.AwaitingSupplement:
                items.AddRange(data.Gaps.Select(g => new AwaitedItem("supplement", "applicant", g.MaterialId, data.SupplementDue)));
                break;
            case CaseStage.UnderReview:
                items.Add(new AwaitedItem("decision", data.AuthorityId, "officer review", null));
                break;
            case CaseStage.AwaitingPickup:
                items.Add(new AwaitedItem("pickup", "applicant", "result ready at the office", null));
                break;
        }

        foreach (var evidence in data.Evidence)
        {
            if (evidence.State == EvidenceStates.Waiting)
            {
                items.Add(new AwaitedItem("evidence", evidence.DepartmentId, evidence.MaterialId, evidence.WaitUntil));
            }
            else if (evidence.State == EvidenceStates.AwaitingApplicant)
            {
                var what = data.Terms.CommitmentAllowed.ContainsKey(evidence.MaterialId) ? $"{evidence.MaterialId} (or a commitment)" : evidence.MaterialId;
                items.Add(new AwaitedItem("applicant", "applicant", what, null));
            }
        }

        return items;
    }

    private static IEnumerable<CaseDeadline> Deadlines(CaseData data, CaseCalendar calendar, DateTimeOffset? decidedAt)
    {
        if (data.Terms.StatutoryDays is { } statutory)
        {
            var due = calendar.Due(data.Clock, statutory, data.Terms.StatutoryWorkingDays);
            yield return new CaseDeadline("statutory", statutory, data.Terms.StatutoryWorkingDays, due, decidedAt is { } d && due is { } s ? d <= s : null);
        }

        if (data.Terms.PromisedDays is { } promised)
        {
            var due = calendar.Due(data.Clock, promised, data.Terms.PromisedWorkingDays);
            yield return new CaseDeadline("promised", promised, data.Terms.PromisedWorkingDays, due, decidedAt is { } d && due is { } p ? d <= p : null);
        }
    }
}
