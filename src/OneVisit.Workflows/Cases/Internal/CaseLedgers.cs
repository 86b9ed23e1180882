using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// The audit log, visit ledger and commitment ledger, read from the case database. Storage failures leave as
/// <see cref="CaseStoreException"/>, as from the case service.
/// </summary>
internal sealed class CaseLedgers(IAuditStore audit, ILedgerStore ledgers, CaseStoreErrors errors, AuditSeal seal) : IAuditLog, IVisitLedger, ICommitmentLedger
{
    public async Task<AuditVerification> VerifyAsync(string? caseId = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> cases = caseId is null
            ? await ReadAsync(() => audit.AuditedCasesAsync(cancellationToken)).ConfigureAwait(false)
            : [Checked(caseId, nameof(caseId))];
        var checks = new List<AuditChainCheck>(cases.Count);
        foreach (var id in cases)
        {
            // One case at a time: a store of any size is verified in the memory of its longest chain.
            var chain = await errors.GuardAsync(() => audit.AuditChainAsync(id, cancellationToken)).ConfigureAwait(false);
            if (chain.Lines.Count > 0 || chain.Started)
            {
                checks.Add(AuditChainVerifier.Check(chain, seal));
            }
        }

        return new AuditVerification(checks, seal.IsKeyed);
    }

    public Task<IReadOnlyList<AuditEntry>> ForCaseAsync(string caseId, CancellationToken cancellationToken = default) =>
        ReadAsync(() => audit.AuditOfCaseAsync(Checked(caseId, nameof(caseId)), cancellationToken));

    public Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string subjectId, CancellationToken cancellationToken = default) =>
        ReadAsync(() => audit.AuditOfSubjectAsync(Checked(subjectId, nameof(subjectId)), cancellationToken));

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
