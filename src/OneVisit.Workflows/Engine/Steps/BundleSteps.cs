using System.Text.Json.Serialization.Metadata;
using OneVisit.Workflows.Bundles.Internal;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Engine.Steps;

/// <summary>A step of a bundle case's workflow, run by <see cref="BundleProcess"/>.</summary>
internal abstract class BundleStepBody : ProcessStepBody<BundleData>
{
    protected override JsonTypeInfo<BundleData> Json => CaseJson.Default.BundleData;

    protected override void Adopt(BundleData restored, PendingWrites writes) => restored.Adopt(writes);

    protected override DateTimeOffset SubmittedAt(BundleData data) => data.SubmittedAt;
}

internal sealed class BundleIntakeStep(BundleProcess process) : BundleStepBody
{
    protected override Task<StepOutcome> RunAsync(BundleData data, object? item, object? received, CancellationToken cancellationToken) =>
        process.IntakeAsync(data, received, cancellationToken);
}

internal sealed class BundleMemberStep(BundleProcess process) : BundleStepBody
{
    protected override Task<StepOutcome> RunAsync(BundleData data, object? item, object? received, CancellationToken cancellationToken) =>
        process.MemberAsync(data, (int)item!, received, cancellationToken);
}

internal sealed class BundleDeliveryStep(BundleProcess process) : BundleStepBody
{
    protected override Task<StepOutcome> RunAsync(BundleData data, object? item, object? received, CancellationToken cancellationToken) =>
        process.DeliverAsync(data, received, cancellationToken);
}
