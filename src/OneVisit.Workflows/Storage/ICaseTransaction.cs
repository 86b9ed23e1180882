using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Storage;

/// <summary>
/// What a case step may write besides its workflow document, inside the transaction that saves the document
/// (see <see cref="PendingWrites"/>). Every write is idempotent: a step that runs again after a crash writes
/// the same keys and adds nothing.
/// </summary>
internal interface ICaseTransaction
{
    /// <summary>Appends an audit line once per <paramref name="entryKey"/>.</summary>
    void AppendAudit(string entryKey, AuditEntry entry);

    /// <summary>Updates the case's index row, so lists never disagree with the document saved with it.</summary>
    void UpdateStage(string caseId, string stage, string? outcome, string authorityId, DateTimeOffset? closedAt);

    /// <summary>Moves the case's index row to procedure version <paramref name="version"/> (a migration, saved with the case's document).</summary>
    void UpdateVersion(string caseId, int version);

    /// <summary>Records a visit once per <paramref name="visitKey"/>.</summary>
    void RecordVisit(string visitKey, VisitRecord visit);

    /// <summary>Enters a commitment in the ledger once per case and material.</summary>
    void AddCommitment(CommitmentEntry entry);

    /// <summary>Stores a department's first answer and its audit line; a later answer to the same request changes nothing.</summary>
    void SaveEvidenceAnswer(EvidenceRequest request, string materialId, EvidenceResponse response, DateTimeOffset at);

    /// <summary>Arms a durable timer once per id: an id that already fired or was disarmed is not armed again.</summary>
    void ScheduleTimer(TimerRow timer);

    /// <summary>
    /// Disarms the pending timers of <paramref name="caseId"/> whose id starts with <paramref name="prefix"/>, matched
    /// literally (no wildcards); an empty prefix disarms all of the case's timers. Other cases' timers are never touched.
    /// </summary>
    void CancelTimers(string caseId, string prefix);

    /// <summary>
    /// Marks a closed case purged at <paramref name="at"/> (its index row stays), disarms its pending timers and
    /// removes the evidence requests and answers kept for it; false, changing nothing, when the case is unknown, open
    /// or already purged. Retention calls it first in the transaction that removes the case's workflow, so a purge
    /// that runs again after a crash finds it done and writes nothing twice.
    /// </summary>
    bool MarkPurged(string caseId, DateTimeOffset at);

    /// <summary>
    /// Claims the wait keyed (<paramref name="eventName"/>, <paramref name="eventKey"/>) for <paramref name="caseId"/>;
    /// false when it was already claimed, or, with <paramref name="onlyWhileOpen"/>, when the case is closed or unknown.
    /// </summary>
    bool TryClaim(string eventName, string eventKey, string caseId, string actor, DateTimeOffset at, bool onlyWhileOpen);

    /// <summary>
    /// Claims the wait as <see cref="TryClaim"/> does whatever the case's state, for a caller that does not read the
    /// answer (a step closing a wait it answered itself): a store may then send it with the transaction's other writes
    /// instead of at once.
    /// </summary>
    void Claim(string eventName, string eventKey, string caseId, string actor, DateTimeOffset at) =>
        TryClaim(eventName, eventKey, caseId, actor, at, onlyWhileOpen: false);
}
