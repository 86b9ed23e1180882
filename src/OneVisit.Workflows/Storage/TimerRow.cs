namespace OneVisit.Workflows.Storage;

/// <summary>
/// A durable timer: when due, it ends a wait with a timeout (publishing on <see cref="EventName"/> and
/// <see cref="EventKey"/>), reminds the person who must act, or checks one of the case's clocks.
/// </summary>
/// <param name="TimerId">Unique, and prefixed with the case id and the wait's name so a wait disarms its own timers.</param>
/// <param name="CaseId">The case the timer belongs to.</param>
/// <param name="Due">When it fires.</param>
/// <param name="Kind">What firing does, and on what (the wait or the limit).</param>
/// <param name="EventName">For a timeout: the event of the wait it ends.</param>
/// <param name="EventKey">For a timeout: the key of the wait it ends.</param>
internal sealed record TimerRow(string TimerId, string CaseId, DateTimeOffset Due, TimerKind Kind, string? EventName, string? EventKey);
