using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Engine.Steps;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Primitives;

namespace OneVisit.Workflows.Engine;

/// <summary>
/// The workflow of one procedure version, built at run time from its terms: intake (precheck outcome,
/// deficiency notice and supplement), evidence requests in parallel when the procedure can fetch any
/// document or accept one with a gap, review by the competent authority, and delivery. Registered under
/// <c>onevisit.case.&lt;code&gt;</c> with the procedure's version, so running cases keep theirs.
/// </summary>
internal sealed class CaseWorkflow(CaseTerms terms) : IWorkflow<CaseData>
{
    public static string IdFor(string procedureCode) => "onevisit.case." + procedureCode;

    public string Id => IdFor(terms.Code);

    public int Version => terms.Version;

    public void Build(IWorkflowBuilder<CaseData> builder)
    {
        var intake = builder.StartWith<IntakeStep>().Name("intake");
        IStepBuilder<CaseData, ReviewStep> review;
        // Gaps (容缺) are waited for on the same parallel branches as documents fetched: a procedure that fetches
        // nothing but accepts with a gap still needs them, or its gaps are never waited for.
        if (terms.HasParallelBranches())
        {
            var branches = intake.ForEach(data => data.ParallelWaits(), data => true);
            CompileOnce(branches);
            review = branches
                .Do(each => each.StartWith<EvidenceStep>().Name("evidence"))
                .Then<ReviewStep>();
        }
        else
        {
            review = intake.Then<ReviewStep>();
        }

        review.Name("review").Then<DeliveryStep>().Name("delivery");
    }

    /// <summary>
    /// WorkflowCore maps a ForEach's expression inputs by compiling them afresh each time the step runs (four
    /// compiles per run, and the step runs on every pass while its branches are open); measured, that was about
    /// a quarter of a case's CPU. The same inputs as one delegate, built once here, cost nothing per run.
    /// </summary>
    private static void CompileOnce(IContainerStepBuilder<CaseData, Foreach, Foreach> branches)
    {
        var step = ((IStepBuilder<CaseData, Foreach>)branches).Step;
        step.Inputs.Clear();
        step.Inputs.Add(new ActionParameter<Foreach, CaseData>((body, data) =>
        {
            body.Collection = data.ParallelWaits();
            body.RunParallel = true;
        }));
    }
}
