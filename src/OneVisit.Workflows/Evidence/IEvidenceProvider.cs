namespace OneVisit.Workflows.Evidence;

/// <summary>
/// The integration point with another department's system (data sharing, 数据共享; or the e-licence
/// library, 电子证照库). Register one per department with
/// <c>AddWorkflows(w =&gt; w.AddEvidenceProvider("department_id", provider))</c>, or one for all.
/// </summary>
public interface IEvidenceProvider
{
    /// <summary>
    /// Asks for a document. Throwing means "try again later" (the step is retried); answering
    /// <see cref="EvidenceOutcome.Later"/> means the department will call
    /// <see cref="Cases.ICaseService.AnswerEvidenceAsync"/> when it has the answer.
    /// </summary>
    Task<EvidenceResponse> RequestAsync(EvidenceRequest request, CancellationToken cancellationToken);
}
