using OneVisit.Workflows.Bundles.Internal;
using OneVisit.Workflows.Engine.Steps;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Primitives;

namespace OneVisit.Workflows.Engine;

/// <summary>
/// The workflow of every bundle case (一件事): one intake, a parallel branch per member (each starts its member's
/// case when the outputs it needs exist and passes its output on), and one delivery once all branches end. Its
/// shape does not depend on the bundle (members are data), so one definition serves every bundle and version.
/// </summary>
internal sealed class BundleWorkflow : IWorkflow<BundleData>
{
    public const string WorkflowId = "onevisit.bundle";

    public string Id => WorkflowId;

    public int Version => 1;

    public void Build(IWorkflowBuilder<BundleData> builder)
    {
        var branches = builder.StartWith<BundleIntakeStep>().Name("intake")
            .ForEach(data => data.MemberBranches(), data => true);

        // As for cases: the ForEach's inputs as one delegate built once, not expressions compiled on every run.
        var step = ((IStepBuilder<BundleData, Foreach>)branches).Step;
        step.Inputs.Clear();
        step.Inputs.Add(new ActionParameter<Foreach, BundleData>((body, data) =>
        {
            body.Collection = data.MemberBranches();
            body.RunParallel = true;
        }));

        branches
            .Do(each => each.StartWith<BundleMemberStep>().Name("member"))
            .Then<BundleDeliveryStep>().Name("delivery");
    }
}
