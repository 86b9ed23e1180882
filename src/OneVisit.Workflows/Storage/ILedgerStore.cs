using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Storage;

/// <summary>The visit ledger (every trip an applicant made) and the commitment ledger (what was promised for later).</summary>
internal interface ILedgerStore
{
    /// <summary>Records a visit and its audit line in one transaction, once per <paramref name="visitKey"/>.</summary>
    Task RecordVisitAsync(string visitKey, VisitRecord visit, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>The case's visits, earliest first.</summary>
    Task<List<VisitRecord>> VisitsOfCaseAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The applicant's visits across cases, earliest first.</summary>
    Task<List<VisitRecord>> VisitsOfApplicantAsync(string applicantId, CancellationToken cancellationToken);

    /// <summary>The case's commitments, in no promised order.</summary>
    Task<List<CommitmentEntry>> CommitmentsOfCaseAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Commitments due on or before <paramref name="date"/>, earliest first.</summary>
    Task<List<CommitmentEntry>> CommitmentsDueByAsync(DateOnly date, CancellationToken cancellationToken);
}
