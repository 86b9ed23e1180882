using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Deadlines;

namespace OneVisit.Workflows.Bundles.Internal;

/// <summary>Builds the public view of a bundle case from its stored data and its started members' cases, as it stands at <c>now</c>.</summary>
internal static class BundleSnapshots
{
    public static BundleCaseSnapshot From(BundleData data, IReadOnlyDictionary<int, CaseSnapshot> memberCases, CaseCalendar calendar, int visitsMade, DateTimeOffset now)
    {
        var closed = data.Stage == CaseStage.Closed;
        return new BundleCaseSnapshot
        {
            BundleCaseId = data.BundleCaseId,
            BundleCode = data.BundleCode,
            BundleVersion = data.BundleVersion,
            BundleName = new LocalizedText(data.Name, data.NameEn),
            ApplicantId = data.ApplicantId,
            Stage = data.Stage,
            Outcome = data.Outcome,
            OutcomeReason = data.OutcomeReason,
            WindowId = data.WindowId,
            LeadAuthorityId = data.LeadAuthorityId,
            SubmittedAt = data.SubmittedAt,
            AcceptedAt = data.AcceptedAt,
            ClosedAt = data.ClosedAt,
            TimeLimit = TimeLimit(data, calendar, now),
            Members = [.. data.Members.Select(m => Member(data, m, memberCases.GetValueOrDefault(m.Index)))],
            Passed = [.. data.Passed.Select(p => Passed(data, p))],
            Awaiting = closed ? [] : Awaiting(data, calendar, now),
            Notice = data.NoticeText,
            DeliversOnce = data.DeliversOnce,
            Deliveries = Deliveries(data),
            PredictedVisits = data.PredictedVisits,
            NaiveVisits = data.NaiveVisits,
            VisitsMade = visitsMade,
        };
    }

    private static BundleMemberStatus Member(BundleData data, BundleMemberData member, CaseSnapshot? memberCase)
    {
        var state = member.State;
        var why = member.Why;
        IReadOnlyList<string> waitsFor = [];
        if (state == BundleMemberState.CannotStartYet)
        {
            waitsFor = [.. BundleProcess.WaitsFor(data, member)];
            why = waitsFor.Count > 0 ? "waits for " + string.Join(", ", waitsFor) : "starting";
        }
        else if (state == BundleMemberState.Pending)
        {
            why = "starts once the bundle is accepted";
        }
        else if (state == BundleMemberState.Running && memberCase is not null)
        {
            // The member's own case says whether its office works on it or it waits for someone outside.
            // A department's "later" is an evidence wait whose request was answered but not yet settled.
            var later = memberCase.Evidence.Where(e => e.State == "waiting").Select(e => e.MaterialId).ToHashSet();
            var outside = memberCase.Awaiting.Where(a => a.Kind is "supplement" or "applicant" or "gap" or "pickup" || a.Kind == "evidence" && a.MaterialId is { } m && later.Contains(m)).ToList();
            if (outside.Count > 0)
            {
                state = BundleMemberState.Waiting;
                why = "waits for " + string.Join(", ", outside.Select(a => $"{a.What} from {a.From}"));
            }
            else
            {
                why = $"{memberCase.Stage} at {memberCase.AuthorityId}";
            }
        }

        return new BundleMemberStatus
        {
            ProcedureCode = member.ProcedureCode,
            ProcedureVersion = member.ProcedureVersion,
            ProcedureName = new LocalizedText(member.Name, member.NameEn),
            State = state,
            CaseId = state == BundleMemberState.NotIncluded ? null : member.CaseId,
            AuthorityId = member.AuthorityId,
            Why = why,
            WaitsFor = waitsFor,
            CaseStage = memberCase?.Stage,
            Delivery = state is BundleMemberState.NotIncluded or BundleMemberState.Refused or BundleMemberState.Stopped ? null : member.Delivery,
            Outcome = member.Outcome ?? memberCase?.Outcome,
        };
    }

    /// <summary>The ways the results go: of the members approved once closed, of those still going ahead before.</summary>
    private static IReadOnlyList<ResultDelivery> Deliveries(BundleData data)
    {
        var members = data.Stage == CaseStage.Closed
            ? data.Members.Where(m => m.State == BundleMemberState.Done)
            : data.Members.Where(m => m.State is not (BundleMemberState.NotIncluded or BundleMemberState.Refused or BundleMemberState.Stopped));
        return [.. members.Select(m => m.Delivery).OfType<ResultDelivery>().Distinct().Order()];
    }

    private static PassedOutput Passed(BundleData data, BundlePassed passed)
    {
        var flow = data.Flows.Find(f => f.From == passed.From && f.To == passed.To && f.DocumentId == passed.DocumentId);
        return new PassedOutput(
            passed.DocumentId,
            new LocalizedText(flow?.DocumentName ?? passed.DocumentId, flow?.DocumentNameEn),
            data.Members[passed.From].ProcedureCode,
            data.Members[passed.From].CaseId,
            data.Members[passed.To].ProcedureCode,
            data.Members[passed.To].CaseId,
            passed.Via,
            passed.At);
    }

    private static CaseDeadline? TimeLimit(BundleData data, CaseCalendar calendar, DateTimeOffset now)
    {
        if (data.TimeLimitDays is not { } days)
        {
            return null;
        }

        var end = data.ClosedAt ?? now;
        var state = data.Due switch
        {
            null when data.Stage == CaseStage.Closed => DeadlineState.Stopped,
            null => DeadlineState.NotStarted,
            // Due is an exclusive end, as for a case's limits: from that instant on the limit has passed.
            { } due when data.ClosedAt is not null => end < due ? DeadlineState.Met : DeadlineState.Missed,
            { } due => now < due ? DeadlineState.Running : DeadlineState.Missed,
        };
        return new CaseDeadline("bundle", days, data.TimeLimitWorkingDays, data.Due, state) { LastDay = data.Due is { } d ? calendar.LastDay(d) : null };
    }

    private static List<AwaitedItem> Awaiting(BundleData data, CaseCalendar calendar, DateTimeOffset now)
    {
        AwaitedItem Item(string what, string? documentId, DateTimeOffset? due, string action) => new("applicant", "applicant", what, due)
        {
            Action = action,
            MaterialId = documentId,
            LastDay = due is { } d ? calendar.LastDay(d) : null,
            Overdue = due is { } o && o <= now,
        };

        return data.Stage switch
        {
            CaseStage.AwaitingSupplement => [.. data.Gaps.Select(g => Item(g.Name, g.DocumentId, data.SupplementDue, "supply"))],
            CaseStage.AwaitingPickup => [Item("the results of every member", null, data.PickupDue, "pick_up")],
            _ => [],
        };
    }
}
