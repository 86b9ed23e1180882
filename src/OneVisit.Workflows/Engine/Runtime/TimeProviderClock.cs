using WorkflowCore.Interface;

namespace OneVisit.Workflows.Engine.Runtime;

/// <summary>
/// WorkflowCore's clock read from an injected <see cref="TimeProvider"/>, so statutory clocks
/// (delays of days) can be tested with a fake provider instead of waiting.
/// </summary>
/// <remarks>
/// WorkflowCore 3.22 registers its own <c>DateTimeProvider</c> as a transient inside
/// <c>AddWorkflow</c>, after the options callback runs; <see cref="EngineTuning.AddOneVisitWorkflowEngine"/>
/// therefore replaces the registration after <c>AddWorkflow</c> returns.
/// </remarks>
internal sealed class TimeProviderClock(TimeProvider time) : IDateTimeProvider
{
    // WorkflowCore only hands Now to stores that call ToUniversalTime() on it (runnable
    // instances and events) and to the grey list, which compares Now with Now. A Local-kind
    // value in the machine's zone round-trips exactly through ToUniversalTime (DateTime keeps
    // the ambiguous-DST bit), unlike GetLocalNow().DateTime, whose kind is Unspecified and
    // whose zone may differ from the machine's.
    /// <summary>The current local time, converted from <see cref="UtcNow"/>.</summary>
    public DateTime Now => UtcNow.ToLocalTime();

    /// <summary>The current UTC time of the injected provider.</summary>
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
