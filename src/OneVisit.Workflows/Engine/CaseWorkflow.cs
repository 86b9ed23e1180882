using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Engine.Steps;
using WorkflowCore.Interface;

namespace OneVisit.Workflows.Engine;

/// <summary>
/// The workflow of one procedure version, built at run time from its terms: intake (precheck outcome,
/// deficiency notice and supplement), evidence requests in parallel when the procedure can fetch any
/// document, review by the competent authority, and delivery. Registered under
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
        if (terms.MayFetch)
        {
            review = intake
                .ForEach(data => data.EvidenceToFetch(), data => true)
                .Do(each => each.StartWith<EvidenceStep>().Name("evidence"))
                .Then<ReviewStep>();
        }
        else
        {
            review = intake.Then<ReviewStep>();
        }

        review.Name("review").Then<DeliveryStep>().Name("delivery");
    }
}
