using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Storage;

/// <summary>
/// What a case step writes besides its workflow document (audit lines, stage, ledgers, timers, events for other
/// waits), held until the engine saves the document and then written in the same transaction. A step's effect
/// and its audit line are therefore stored together or not at all, and a step that runs again after a crash
/// writes them again under the same keys (every statement here is idempotent).
/// </summary>
internal sealed class PendingWrites
{
    private readonly Lock _gate = new();
    private List<Action<ICaseTransaction>> _writes = [];
    private List<Action> _afterCommit = [];

    /// <summary>Adds a statement to the document's next save.</summary>
    public void Add(Action<ICaseTransaction> write)
    {
        lock (_gate)
        {
            _writes.Add(write);
        }
    }

    /// <summary>Runs <paramref name="action"/> once the next save committed (arming an in-memory timer, queueing an event).</summary>
    public void AfterCommit(Action action)
    {
        lock (_gate)
        {
            _afterCommit.Add(action);
        }
    }

    /// <summary>Where the buffer stands, to undo a failed step's additions with <see cref="RollBackTo"/>.</summary>
    public (int Writes, int AfterCommit) Mark()
    {
        lock (_gate)
        {
            return (_writes.Count, _afterCommit.Count);
        }
    }

    /// <summary>Drops what was added since <paramref name="mark"/>: a step that failed half-way leaves nothing of itself to write.</summary>
    public void RollBackTo((int Writes, int AfterCommit) mark)
    {
        lock (_gate)
        {
            _writes.RemoveRange(mark.Writes, _writes.Count - mark.Writes);
            _afterCommit.RemoveRange(mark.AfterCommit, _afterCommit.Count - mark.AfterCommit);
        }
    }

    /// <summary>Appends an audit line with the next save.</summary>
    public void AppendAudit(string entryKey, AuditEntry entry) => Add(t => t.AppendAudit(entryKey, entry));

    /// <summary>Updates the case's index row with the next save.</summary>
    public void UpdateStage(string caseId, string stage, string? outcome, string authorityId, DateTimeOffset? closedAt) =>
        Add(t => t.UpdateStage(caseId, stage, outcome, authorityId, closedAt));

    /// <summary>Moves the case's index row to another procedure version with the next save.</summary>
    public void UpdateVersion(string caseId, int version) => Add(t => t.UpdateVersion(caseId, version));

    /// <summary>Records a visit with the next save.</summary>
    public void RecordVisit(string visitKey, VisitRecord visit) => Add(t => t.RecordVisit(visitKey, visit));

    /// <summary>Enters a commitment with the next save.</summary>
    public void AddCommitment(CommitmentEntry entry) => Add(t => t.AddCommitment(entry));

    /// <summary>Stores a department's first answer (one the sending step took at once) with the next save.</summary>
    public void SaveEvidenceAnswer(EvidenceRequest request, string materialId, EvidenceResponse response, DateTimeOffset at) =>
        Add(t => t.SaveEvidenceAnswer(request, materialId, response, at));

    /// <summary>Takes everything added so far; what a step adds later goes to the following save.</summary>
    public (List<Action<ICaseTransaction>> Writes, List<Action> AfterCommit) Take()
    {
        lock (_gate)
        {
            var taken = (_writes, _afterCommit);
            _writes = [];
            _afterCommit = [];
            return taken;
        }
    }
}

/// <summary>Workflow data that carries <see cref="PendingWrites"/> for the store to write with it.</summary>
internal interface IHasPendingWrites
{
    PendingWrites Writes { get; }
}
