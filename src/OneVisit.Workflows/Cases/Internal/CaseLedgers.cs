using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Actors.Internal;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// The visit ledger and commitment ledger, read from the case database, each read authorized as the case services'
/// are: a case's entries for those who may read the case (tracked like any read of it), an applicant's trips for the
/// applicant, auditors and the host's processing, the commitments due for the officers of their cases' authorities and
/// the host's processing. Storage failures leave as <see cref="CaseStoreException"/>, as from the case service.
/// </summary>
internal sealed class CaseLedgers(ILedgerStore ledgers, ICaseStore store, CaseStoreErrors errors, CaseGate gate, CaseService cases) : IVisitLedger, ICommitmentLedger
{
    private CaseActor? Fixed { get; init; }

    IVisitLedger IVisitLedger.As(CaseActor actor) => Acting(actor);

    ICommitmentLedger ICommitmentLedger.As(CaseActor actor) => Acting(actor);

    private CaseLedgers Acting(CaseActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new CaseLedgers(ledgers, store, errors, gate, cases) { Fixed = actor };
    }

    Task<IReadOnlyList<VisitRecord>> IVisitLedger.ForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        CaseReadAsync(caseId, "the case's visit ledger", "IVisitLedger.ForCaseAsync", () => ledgers.VisitsOfCaseAsync(caseId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<VisitRecord>> ForApplicantAsync(string applicantId, CancellationToken cancellationToken = default) =>
        errors.GuardAsync<IReadOnlyList<VisitRecord>>(async () =>
        {
            CaseInputs.Identifier(applicantId, nameof(applicantId));
            var actor = gate.Actor(Fixed, CaseOperation.ReadSubjectAudit);
            await gate.DemandSubjectReaderAsync(actor, applicantId).ConfigureAwait(false);

            var visits = await ledgers.VisitsOfApplicantAsync(applicantId, cancellationToken).ConfigureAwait(false);
            foreach (var caseId in visits.Select(v => v.CaseId).Distinct(StringComparer.Ordinal))
            {
                if (await store.FindCaseAsync(caseId, cancellationToken).ConfigureAwait(false) is { } row)
                {
                    await gate.ReadAsync(actor, CaseFacts.Of(row), "the applicant's trips for this case", actor.Purpose ?? "IVisitLedger.ForApplicantAsync", cancellationToken).ConfigureAwait(false);
                }
            }

            return visits;
        });

    Task<IReadOnlyList<CommitmentEntry>> ICommitmentLedger.ForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        CaseReadAsync(caseId, "the case's commitment ledger", "ICommitmentLedger.ForCaseAsync", () => ledgers.CommitmentsOfCaseAsync(caseId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<CommitmentEntry>> DueByAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        errors.GuardAsync<IReadOnlyList<CommitmentEntry>>(async () =>
        {
            var actor = gate.Actor(Fixed, CaseOperation.List);
            if (actor.Kind is not (CaseActorKind.Officer or CaseActorKind.System))
            {
                throw await gate.DeniedAsync(new AccessDeniedException("", CaseOperation.List, actor, "an officer (who sees their authorities' commitments) or the host's processing"), actor, "").ConfigureAwait(false);
            }

            var due = await ledgers.CommitmentsDueByAsync(date, cancellationToken).ConfigureAwait(false);
            if (actor.Kind == CaseActorKind.System)
            {
                return due;
            }

            // An officer follows up the commitments of their own authorities' cases; each case shown is tracked.
            var kept = new List<CommitmentEntry>();
            foreach (var entries in due.GroupBy(e => e.CaseId, StringComparer.Ordinal))
            {
                if (await store.FindCaseAsync(entries.Key, cancellationToken).ConfigureAwait(false) is { } row && actor.ReadsCasesAt(row.AuthorityId))
                {
                    kept.AddRange(entries);
                    await gate.ReadAsync(actor, CaseFacts.Of(row), "the case's commitments due", actor.Purpose ?? "ICommitmentLedger.DueByAsync", cancellationToken).ConfigureAwait(false);
                }
            }

            return [.. due.Where(kept.Contains)];
        });

    /// <summary>One case's ledger entries, for an actor who may read the case; tracked as a read of it.</summary>
    private Task<IReadOnlyList<T>> CaseReadAsync<T>(string caseId, string data, string operation, Func<Task<List<T>>> read, CancellationToken cancellationToken) =>
        errors.GuardAsync<IReadOnlyList<T>>(async () =>
        {
            CaseInputs.Identifier(caseId, nameof(caseId));
            var actor = gate.Actor(Fixed, CaseOperation.Read, caseId);
            var facts = await cases.FactsAsync(caseId, cancellationToken).ConfigureAwait(false);
            await gate.DemandAsync(actor, CaseOperation.Read, facts).ConfigureAwait(false);
            var entries = await read().ConfigureAwait(false);
            await gate.ReadAsync(actor, facts, data, actor.Purpose ?? operation, cancellationToken).ConfigureAwait(false);
            return entries;
        });
}
