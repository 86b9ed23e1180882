using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Storage;

/// <summary>
/// The audit log, visit ledger and commitment ledger, read from the case database. Storage failures leave as
/// <see cref="CaseStoreException"/>, as from the case service.
/// </summary>
internal sealed class CaseLedgers(CaseStore store) : IAuditLog, IVisitLedger, ICommitmentLedger
{
    public Task<IReadOnlyList<AuditEntry>> ForCaseAsync(string caseId, CancellationToken cancellationToken = default) =>
        ReadAsync(() => store.AuditAsync("case_id", Checked(caseId, nameof(caseId)), cancellationToken));

    public Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string subjectId, CancellationToken cancellationToken = default) =>
        ReadAsync(() => store.AuditAsync("subject_id", Checked(subjectId, nameof(subjectId)), cancellationToken));

    Task<IReadOnlyList<VisitRecord>> IVisitLedger.ForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        ReadAsync(() => store.VisitsAsync("case_id", Checked(caseId, nameof(caseId)), cancellationToken));

    public Task<IReadOnlyList<VisitRecord>> ForApplicantAsync(string applicantId, CancellationToken cancellationToken = default) =>
        ReadAsync(() => store.VisitsAsync("applicant_id", Checked(applicantId, nameof(applicantId)), cancellationToken));

    Task<IReadOnlyList<CommitmentEntry>> ICommitmentLedger.ForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        ReadAsync(() => store.CommitmentsAsync("case_id = $v", Checked(caseId, nameof(caseId)), cancellationToken));

    public Task<IReadOnlyList<CommitmentEntry>> DueByAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        ReadAsync(() => store.CommitmentsAsync("due_on <= $v", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), cancellationToken));

    private static string Checked(string id, string parameterName)
    {
        CaseInputs.Identifier(id, parameterName);
        return id;
    }

    private static async Task<IReadOnlyList<T>> ReadAsync<T>(Func<Task<List<T>>> read) =>
        await CaseStoreErrors.GuardAsync(read).ConfigureAwait(false);
}
