namespace OneVisit.Workflows.Cases;

/// <summary>
/// The events a case waits for, and their keys. Every wait has its own key (a round number or a material
/// id in it): the engine re-delivers earlier events of a key to a new wait, so a key is never waited on twice.
/// </summary>
internal static class CaseEventNames
{
    public const string Supplement = "onevisit.supplement";
    public const string Evidence = "onevisit.evidence";
    public const string Applicant = "onevisit.applicant";
    public const string Decision = "onevisit.decision";
    public const string Pickup = "onevisit.pickup";

    public static string SupplementKey(string caseId, int round) => $"{caseId}/supplement/{round}";

    public static string MaterialKey(string caseId, string materialId) => $"{caseId}/{materialId}";

    /// <summary>The first answer to an evidence request, published when the department's system replies.</summary>
    public static string AnswerKey(string caseId, string materialId) => $"{caseId}/{materialId}/answer";

    /// <summary>A material accepted with a gap, supplied later.</summary>
    public static string GapKey(string caseId, string materialId) => $"{caseId}/gap/{materialId}";
}

/// <summary>Published to a branch's open wait when another branch closed the case, so every branch ends.</summary>
/// <param name="Reason">Why the case closed.</param>
internal sealed record CaseClosedNotice(string Reason);

/// <summary>Published by a durable timer on the key of the wait it ends.</summary>
/// <param name="TimerId">The timer.</param>
internal sealed record CaseTimeout(string TimerId);

/// <summary>The applicant picked the result up.</summary>
/// <param name="At">When.</param>
internal sealed record PickedUp(DateTimeOffset At);

/// <summary>What a case step asks of the engine: go on, or wait for one event.</summary>
internal readonly record struct StepOutcome(string? EventName, string? EventKey)
{
    public static StepOutcome Next => default;

    public bool Waits => EventName is not null;

    public static StepOutcome WaitFor(string eventName, string eventKey) => new(eventName, eventKey);
}
