using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Storage;

/// <summary>The audit log, visit ledger and commitment ledger, read from the case database.</summary>
internal sealed class CaseLedgers(CaseStore store) : IAuditLog, IVisitLedger, ICommitmentLedger
{
    public async Task<IReadOnlyList<AuditEntry>> ForCaseAsync(string caseId, CancellationToken cancellationToken = default) =>
        await store.AuditAsync("case_id", caseId, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string subjectId, CancellationToken cancellationToken = default) =>
        await store.AuditAsync("subject_id", subjectId, cancellationToken).ConfigureAwait(false);

    async Task<IReadOnlyList<VisitRecord>> IVisitLedger.ForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        await store.VisitsAsync("case_id", caseId, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<VisitRecord>> ForApplicantAsync(string applicantId, CancellationToken cancellationToken = default) =>
        await store.VisitsAsync("applicant_id", applicantId, cancellationToken).ConfigureAwait(false);

    async Task<IReadOnlyList<CommitmentEntry>> ICommitmentLedger.ForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        await store.CommitmentsAsync("case_id = $v", caseId, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<CommitmentEntry>> DueByAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        await store.CommitmentsAsync("due_on <= $v", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
}
