namespace OneVisit.Workflows.Cases.Internal;

/// <summary>What a case step asks of the engine: go on, or wait for one event.</summary>
internal readonly record struct StepOutcome(string? EventName, string? EventKey)
{
    public static StepOutcome Next => default;

    public bool Waits => EventName is not null;

    public static StepOutcome WaitFor(string eventName, string eventKey) => new(eventName, eventKey);
}
