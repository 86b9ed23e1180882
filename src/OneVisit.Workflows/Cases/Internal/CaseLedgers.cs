using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// The visit ledger and commitment ledger, read from the case database. Storage failures leave as
/// <see cref="CaseStoreException"/>, as from the case service.
/// </summary>
internal sealed class CaseLedgers(ILedgerStore ledgers, CaseStoreErrors errors) : IVisitLedger, ICommitmentLedger
{
    Task<IReadOnlyList<VisitRecord>> IVisitLedger.ForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        ReadAsync(() => ledgers.VisitsOfCaseAsync(Checked(caseId, nameof(caseId)), cancellationToken));

    public Task<IReadOnlyList<VisitRecord>> ForApplicantAsync(string applicantId, CancellationToken cancellationToken = default) =>
        ReadAsync(() => ledgers.VisitsOfApplicantAsync(Checked(applicantId, nameof(applicantId)), cancellationToken));

    Task<IReadOnlyList<CommitmentEntry>> ICommitmentLedger.ForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        ReadAsync(() => ledgers.CommitmentsOfCaseAsync(Checked(caseId, nameof(caseId)), cancellationToken));

    public Task<IReadOnlyList<CommitmentEntry>> DueByAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        ReadAsync(() => ledgers.CommitmentsDueByAsync(date, cancellationToken));

    private static string Checked(string id, string parameterName)
    {
        CaseInputs.Identifier(id, parameterName);
        return id;
    }

    private async Task<IReadOnlyList<T>> ReadAsync<T>(Func<Task<List<T>>> read) =>
        await errors.GuardAsync(read).ConfigureAwait(false);
}
