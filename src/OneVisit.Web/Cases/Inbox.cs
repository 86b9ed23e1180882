using OneVisit.Workflows.Cases;

namespace OneVisit.Web.Cases;

/// <summary>
/// An officer's inbox, for the API and the page alike: the open cases of the authorities the officer holds, each with
/// its queue and the time limit the office answers for; overdue first, then by the day they fall due.
/// </summary>
internal static class Inbox
{
    public static async Task<IReadOnlyList<InboxItem>> ReadAsync(ICaseService service, int limit, CancellationToken cancellationToken)
    {
        var open = await service.ListAsync(new CaseQuery(OpenOnly: true, Limit: limit), cancellationToken);
        // The list has no time limits; each case's own status does. An inbox is a page of cases, so this stays bounded.
        var items = new List<InboxItem>(open.Count);
        foreach (var summary in open.Where(s => !s.IsBundle))
        {
            var snapshot = await service.GetAsync(summary.CaseId, cancellationToken);
            items.Add(new InboxItem(snapshot, Queue(snapshot.Stage), Limit(snapshot)));
        }

        return [.. items
            .OrderByDescending(x => x.Overdue)
            .ThenBy(x => x.Limit?.Due ?? DateTimeOffset.MaxValue)
            .ThenBy(x => x.Case.SubmittedAt)];
    }

    // The promised limit is the one the office answers for at the counter; the statutory one when none is promised.
    private static CaseDeadline? Limit(CaseSnapshot snapshot) =>
        snapshot.Deadlines.FirstOrDefault(d => d.Kind == "promised") ?? snapshot.Deadlines.FirstOrDefault(d => d.Kind == "statutory");

    private static string Queue(CaseStage stage) => stage switch
    {
        CaseStage.Submitted or CaseStage.AwaitingSupplement => "acceptance",
        CaseStage.AwaitingPickup => "pickup",
        _ => "review",
    };
}

/// <summary>One case in an officer's inbox.</summary>
internal sealed record InboxItem(CaseSnapshot Case, string Queue, CaseDeadline? Limit)
{
    public bool Overdue => Limit?.State == DeadlineState.Missed;

    /// <summary>Days until the limit's last day (negative once past), counted from <paramref name="today"/>; null without a running limit.</summary>
    public int? DaysLeft(DateOnly today) => Limit?.LastDay is { } last ? last.DayNumber - today.DayNumber : null;
}
