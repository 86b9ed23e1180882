using System.Text.Json.Serialization.Metadata;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Engine.Steps;

/// <summary>A step of a case's workflow, run by <see cref="CaseProcess"/>.</summary>
internal abstract class CaseStepBody : ProcessStepBody<CaseData>
{
    protected override JsonTypeInfo<CaseData> Json => CaseJson.Default.CaseData;

    protected override void Adopt(CaseData restored, PendingWrites writes) => restored.Adopt(writes);

    protected override DateTimeOffset SubmittedAt(CaseData data) => data.SubmittedAt;
}

internal sealed class IntakeStep(CaseProcess process) : CaseStepBody
{
    protected override Task<StepOutcome> RunAsync(CaseData data, object? item, object? received, CancellationToken cancellationToken) =>
        process.IntakeAsync(data, received, cancellationToken);
}

internal sealed class EvidenceStep(CaseProcess process) : CaseStepBody
{
    protected override Task<StepOutcome> RunAsync(CaseData data, object? item, object? received, CancellationToken cancellationToken) =>
        process.EvidenceAsync(data, (string)item!, received, cancellationToken);
}

internal sealed class ReviewStep(CaseProcess process) : CaseStepBody
{
    protected override Task<StepOutcome> RunAsync(CaseData data, object? item, object? received, CancellationToken cancellationToken) =>
        process.ReviewAsync(data, received, cancellationToken);
}

internal sealed class DeliveryStep(CaseProcess process) : CaseStepBody
{
    protected override Task<StepOutcome> RunAsync(CaseData data, object? item, object? received, CancellationToken cancellationToken) =>
        process.DeliverAsync(data, received, cancellationToken);
}
