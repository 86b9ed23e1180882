using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Visits;
using static OneVisit.Workflows.Persistence.Sqlite.SqliteValues;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>
/// A case step's writes inside the SQLite transaction that saves its workflow document. The engine's store on
/// SQLite creates one per save and also writes its own rows (events) through <see cref="Transaction"/>;
/// <paramref name="seal"/> seals the audit lines it appends.
/// </summary>
internal sealed class SqliteCaseTransaction(SqliteTransaction transaction, AuditSeal seal) : ICaseTransaction
{
    public SqliteTransaction Transaction { get; } = transaction;

    public void AppendAudit(string entryKey, AuditEntry entry) => SqliteCaseStore.AppendAudit(Transaction, seal, entryKey, entry);

    public void UpdateStage(string caseId, string stage, string? outcome, string authorityId, DateTimeOffset? closedAt) =>
        SqliteCaseStore.UpdateStage(Transaction, caseId, stage, outcome, authorityId, closedAt);

    public void UpdateVersion(string caseId, int version) =>
        SqliteCaseStore.Execute(Transaction, "UPDATE ov_cases SET procedure_version = $version WHERE case_id = $id", c => c.With("$version", version).With("$id", caseId));

    public void RecordVisit(string visitKey, VisitRecord visit) => SqliteCaseStore.RecordVisit(Transaction, visitKey, visit);

    public void AddCommitment(CommitmentEntry entry) => SqliteCaseStore.AddCommitment(Transaction, entry);

    public void SaveEvidenceAnswer(EvidenceRequest request, string materialId, EvidenceResponse response, DateTimeOffset at) =>
        SqliteCaseStore.WriteEvidenceAnswer(Transaction, seal, request, materialId, response, at);

    public void ScheduleTimer(TimerRow timer) => SqliteCaseStore.ScheduleTimer(Transaction, timer);

    public void CancelTimers(string caseId, string prefix) => SqliteCaseStore.CancelTimers(Transaction, caseId, prefix);

    public bool MarkPurged(string caseId, DateTimeOffset at) => SqliteCaseStore.MarkPurged(Transaction, caseId, at);

    public bool TryClaim(string eventName, string eventKey, string caseId, string actor, DateTimeOffset at, bool onlyWhileOpen)
    {
        using var claim = SqlCommands.Create(Transaction, """
            INSERT INTO ov_claims (event_name, event_key, case_id, actor, at)
            SELECT $name, $key, $case, $actor, $at
            WHERE $any_state = 1 OR EXISTS (SELECT 1 FROM ov_cases WHERE case_id = $case AND closed_at IS NULL)
            ON CONFLICT DO NOTHING;
            """)
            .With("$name", eventName)
            .With("$key", eventKey)
            .With("$case", caseId)
            .With("$actor", actor)
            .With("$at", ToDb(at))
            .With("$any_state", onlyWhileOpen ? 0 : 1);
        return claim.ExecuteNonQuery() == 1;
    }
}
