using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Deadlines;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>Builds the public view of a case from its stored data, as it stands at <c>now</c>.</summary>
internal static class CaseSnapshots
{
    public static CaseSnapshot From(CaseData data, CaseCalendar calendar, int visitsMade, DateTimeOffset now)
    {
        var closed = data.Stage == CaseStage.Closed;
        var deadlines = Deadlines(data, calendar, now).ToList();
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
            Awaiting = closed ? [] : Awaiting(data, calendar, deadlines, now),
            Evidence =
            [
                .. data.PassedOn.Select(p => new EvidenceItem(p.MaterialId, p.DocumentId, p.FromAuthorityId, "passed_on", $"passed on from case {p.FromCaseId} by {p.Via}") { DocumentName = data.DocumentName(p.MaterialId) }),
                .. data.Evidence.Select(e => new EvidenceItem(e.MaterialId, e.DocumentId, e.DepartmentId, closed ? ClosedState(e.State) : e.State, e.Note) { DocumentName = data.DocumentName(e.MaterialId) }),
            ],
            Deadlines = deadlines,
            ClockPausedFor = closed || data.Clock.PausedFor.Count == 0 ? null : "waiting for the applicant: " + string.Join(", ", data.Clock.PausedFor.Select(data.DocumentName)),
            Decision = data.Decision,
            Delivery = closed && data.Outcome != CaseOutcome.Approved ? null : data.Delivery,
            AcceptedGaps = [.. data.Owed.Select(o => new AcceptedGap(o.MaterialId, data.DocumentName(o.MaterialId), o.DueOn, o.State, o.OnMissed))],
            ForOfficer = [.. data.ForOfficer],
            PredictedVisits = data.PredictedVisits,
            VisitsMade = visitsMade,
            BundleCaseId = data.BundleCaseId,
        };
    }

    /// <summary>A closed case waits for nothing: a request never sent was not requested, one still open was cancelled.</summary>
    private static string ClosedState(string state) => state switch
    {
        EvidenceStates.Pending => "not_requested",
        EvidenceStates.Requested or EvidenceStates.Waiting or EvidenceStates.AwaitingApplicant => "cancelled",
        _ => state,
    };

    private static List<AwaitedItem> Awaiting(CaseData data, CaseCalendar calendar, List<CaseDeadline> deadlines, DateTimeOffset now)
    {
        var items = new List<AwaitedItem>();
        AwaitedItem Item(string kind, string from, string what, DateTimeOffset? due, string action, string? materialId) =>
            new(kind, from, what, due)
            {
                Action = action,
                MaterialId = materialId,
                LastDay = due is { } d ? calendar.LastDay(d) : null,
                Overdue = due is { } o && o <= now,
            };

        switch (data.Stage)
        {
            case CaseStage.AwaitingSupplement:
                items.AddRange(data.Gaps.Select(g => Item("supplement", "applicant", data.DocumentName(g.MaterialId), data.SupplementDue, "supply", g.MaterialId)));
                break;
            case CaseStage.UnderReview:
                var nearest = deadlines.Where(d => d.Due is not null && d.State is DeadlineState.Running or DeadlineState.Missed).MinBy(d => d.Due)?.Due;
                var review = data.ForOfficer.Count == 0 ? "review and decide" : "review and decide, weighing: " + string.Join("; ", data.ForOfficer);
                items.Add(Item("decision", data.AuthorityId, review, nearest, "decide", null));
                break;
            case CaseStage.AwaitingPickup:
                items.Add(Item("pickup", "applicant", "collect the result at the office", data.PickupDue, "pick_up", null));
                break;
        }

        foreach (var evidence in data.Evidence)
        {
            var name = data.DocumentName(evidence.MaterialId);
            if (evidence.State is EvidenceStates.Requested or EvidenceStates.Waiting)
            {
                items.Add(Item("evidence", evidence.DepartmentId, name, evidence.WaitUntil, "answer", evidence.MaterialId));
            }
            else if (evidence.State == EvidenceStates.AwaitingApplicant)
            {
                var commit = data.Terms.CommitmentAllowed.ContainsKey(evidence.MaterialId);
                items.Add(Item("applicant", "applicant", commit ? $"{name} (or a signed commitment)" : name, evidence.AskDue, commit ? "supply_or_commit" : "supply", evidence.MaterialId));
            }
        }

        foreach (var owed in data.Owed.Where(o => o.State == OwedStates.Owed))
        {
            items.Add(Item("gap", "applicant", data.DocumentName(owed.MaterialId), owed.Due ?? calendar.EndOf(owed.DueOn), "supply", owed.MaterialId));
        }

        return items;
    }

    private static IEnumerable<CaseDeadline> Deadlines(CaseData data, CaseCalendar calendar, DateTimeOffset now)
    {
        if (data.Terms.StatutoryDays is { } statutory)
        {
            yield return Deadline(data, calendar, now, "statutory", statutory, data.Terms.StatutoryWorkingDays);
        }

        if (data.Terms.PromisedDays is { } promised)
        {
            yield return Deadline(data, calendar, now, "promised", promised, data.Terms.PromisedWorkingDays);
        }
    }

    private static CaseDeadline Deadline(CaseData data, CaseCalendar calendar, DateTimeOffset now, string kind, int days, bool working)
    {
        // Due is the end of the last day (an exclusive end): from that instant on the limit has passed, as the
        // clock's escalation and an awaited item's Overdue already count it.
        var due = calendar.Due(data.Clock, days, working);
        var state = due switch
        {
            null => data.Stage == CaseStage.Closed ? DeadlineState.Stopped : DeadlineState.NotStarted,
            { } d when data.Decision is not null => data.Clock.StoppedAt < d ? DeadlineState.Met : DeadlineState.Missed,
            { } d when data.Stage == CaseStage.Closed => data.ClosedAt >= d ? DeadlineState.Missed : DeadlineState.Stopped,
            _ when data.Clock.PausedFor.Count > 0 => DeadlineState.Paused,
            { } d => now >= d ? DeadlineState.Missed : DeadlineState.Running,
        };
        return new CaseDeadline(kind, days, working, due, state) { LastDay = due is { } last ? calendar.LastDay(last) : null };
    }
}
