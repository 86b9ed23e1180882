using OneVisit.Workflows.Evidence;

namespace OneVisit.Workflows.Storage;

/// <summary>
/// The index of cases (what lists and lookups read without the workflow document), the evidence requests sent
/// for them, and the claims on their waits. Each call is its own transaction. A case counts as started once
/// <see cref="SetWorkflowAsync"/> linked it or once the engine holds a workflow whose reference is the case id
/// (the host may stop between the two), so an implementation must see the engine's workflows too.
/// </summary>
internal interface ICaseStore
{
    /// <summary>Inserts the row as given and returns null, or returns the row already holding its idempotency key (then nothing changes).</summary>
    Task<CaseRow?> TryInsertCaseAsync(CaseRow row, CancellationToken cancellationToken);

    /// <summary>Links the case to the workflow that runs it.</summary>
    Task SetWorkflowAsync(string caseId, string workflowId, CancellationToken cancellationToken);

    Task<CaseRow?> FindCaseAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>
    /// Cases newest first, of one applicant or all, of the given competent authorities or all, open only or all, at
    /// most <paramref name="limit"/>. A case whose workflow never started is not listed: it is a submission that
    /// failed or is still starting.
    /// </summary>
    Task<List<CaseRow>> ListCasesAsync(string? applicantId, IReadOnlyCollection<string>? authorityIds, bool openOnly, int limit, CancellationToken cancellationToken);

    /// <summary>Removes a case record whose workflow never started, freeing its idempotency key; false when it did start (then it stays) or is unknown.</summary>
    Task<bool> DeleteUnstartedCaseAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Cases recorded but not linked by <see cref="SetWorkflowAsync"/>: their workflow may not have started (the host stopped in between).</summary>
    Task<List<CaseRow>> CasesWithoutWorkflowAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records that a request is about to be sent (committed now); returns the stored answer if it was already
    /// answered: the <see cref="EvidenceResponse"/> as <c>CaseJson</c> serializes it, which the store writes itself.
    /// </summary>
    Task<string?> BeginEvidenceRequestAsync(EvidenceRequest request, string materialId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Whether this node should send the recorded, unanswered request now. Always true on one node's store. On a store
    /// other nodes share, the request is claimed for this node unless another live node sends it: a step re-run after a
    /// takeover and another node's rescan of the dead node's requests must not both send it.
    /// </summary>
    Task<bool> ClaimEvidenceRequestAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Stores a department's first answer and its audit line in one transaction: no answer without its line.</summary>
    Task SaveEvidenceAnswerAsync(EvidenceRequest request, string materialId, EvidenceResponse response, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Requests of open cases whose answer never reached the case: recorded but not answered (sent, or about to be),
    /// or answered but not handed to the waiting case. Either way only while no claim exists under
    /// <paramref name="answerEvent"/> on the answer key <c>CaseEventNames.AnswerKey(caseId, materialId)</c>, which the
    /// store builds itself: a wait that took its answer, or ended without it (a timeout), has nothing left to deliver.
    /// The response is serialized as for <see cref="BeginEvidenceRequestAsync"/>. On a store several nodes share
    /// (<see cref="ICaseStorage.SharedByNodes"/>), only the requests no live node is sending, claimed for this one in the
    /// same statement: those of a node that died, or that stopped before they were answered.
    /// </summary>
    Task<List<(EvidenceRequest Request, string MaterialId, string? Response)>> UndeliveredEvidenceAsync(string answerEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> cases retention may purge now, oldest close first: not yet purged, closed before
    /// <paramref name="closedBefore"/>, and each one a unit of its own: a case alone; a bundle case whose member
    /// cases are all closed (its members are purged with it, see <see cref="MembersOfBundleAsync"/>); or a member
    /// case whose bundle case is gone or already purged. A member whose bundle is kept is never listed. With
    /// <paramref name="after"/>, only cases that sort after it (by close, then id): the next page.
    /// </summary>
    Task<List<CaseRow>> PurgeableCasesAsync(DateTimeOffset closedBefore, (DateTimeOffset ClosedAt, string CaseId)? after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> started cases and bundle cases that <paramref name="filter"/> selects, never a
    /// bundle's member case (its bundle's application covers it), purged ones included, oldest submission first (then
    /// by id); with <paramref name="after"/>, the next page. Each row carries its <see cref="CaseRow.Application"/>,
    /// null when the case was purged or recorded before the store kept applications.
    /// </summary>
    Task<List<CaseRow>> HistoryAsync(HistoryFilter filter, (DateTimeOffset SubmittedAt, string CaseId)? after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> started cases of procedure <paramref name="code"/> that are not closed, member cases
    /// of bundles included (never a bundle case itself), by case id; with <paramref name="after"/>, those after it (the next
    /// page). Each row carries its <see cref="CaseRow.Application"/>, as <see cref="HistoryAsync"/> does: what a migration
    /// to a new procedure version prechecks again.
    /// </summary>
    Task<List<CaseRow>> OpenCasesOfProcedureAsync(string code, string? after, int limit, CancellationToken cancellationToken);

    /// <summary>The member cases recorded for a bundle case, purged or not.</summary>
    Task<List<CaseRow>> MembersOfBundleAsync(string bundleCaseId, CancellationToken cancellationToken);

    /// <summary>Whether the wait keyed (<paramref name="eventName"/>, <paramref name="eventKey"/>) has taken its event (or ended otherwise).</summary>
    Task<bool> IsClaimedAsync(string eventName, string eventKey, CancellationToken cancellationToken);
}
