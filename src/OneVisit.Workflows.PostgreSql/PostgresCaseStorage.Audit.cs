using System.Data.Common;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Storage;
using static OneVisit.Workflows.PostgreSql.PostgresValues;

namespace OneVisit.Workflows.PostgreSql;

/// <summary>The audit log (<see cref="IAuditStore"/>): append-only lines, each chained to its case's previous line.</summary>
internal sealed partial class PostgresCaseStorage
{
    private const string AuditColumns = "seq, case_id, subject_id, at, actor, action, detail, data_requested, purpose";

    /// <summary>Appends an entry once, as the next line of its case's chain (see <see cref="PostgresCaseTransaction.AppendAudit"/>).</summary>
    public Task AppendAuditAsync(string entryKey, AuditEntry entry, CancellationToken cancellationToken) =>
        WriteAsync(
            t =>
            {
                t.AppendAudit(entryKey, entry);
                return true;
            },
            cancellationToken);

    public Task<List<AuditEntry>> AuditOfCaseAsync(string caseId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {AuditColumns} FROM ov_audit WHERE case_id = @v ORDER BY seq", c => c.Text("v", caseId), ReadAuditEntry, cancellationToken);

    public Task<List<AuditEntry>> AuditOfSubjectAsync(string subjectId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {AuditColumns} FROM ov_audit WHERE subject_id = @v ORDER BY seq", c => c.Text("v", subjectId), ReadAuditEntry, cancellationToken);

    private static AuditEntry ReadAuditEntry(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), Instant(r, 3), r.GetString(4), r.GetString(5), r.GetString(6), NullableString(r, 7), NullableString(r, 8));

    public Task<List<string>> AuditedCasesAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT case_id FROM ov_audit UNION SELECT case_id FROM ov_cases ORDER BY 1", NoParameters, r => r.GetString(0), cancellationToken);

    /// <summary>The case's lines with their chain fields; every line on PostgreSQL is chained (no line predates chaining).</summary>
    public async Task<AuditChain> AuditChainAsync(string caseId, CancellationToken cancellationToken)
    {
        var lines = await QueryAsync(
            $"SELECT {AuditColumns}, chain_index, hash, mac FROM ov_audit WHERE case_id = @case ORDER BY chain_index, seq",
            c => c.Text("case", caseId),
            r => new AuditChainLine(ReadAuditEntry(r), r.IsDBNull(9) ? null : r.GetInt64(9), NullableString(r, 10), NullableString(r, 11), WrittenBeforeChaining: false),
            cancellationToken).ConfigureAwait(false);
        var started = await QueryAsync("SELECT 1 FROM ov_cases WHERE case_id = @case AND workflow_id IS NOT NULL", c => c.Text("case", caseId), _ => true, cancellationToken).ConfigureAwait(false);
        return new AuditChain(caseId, started.Count > 0, lines);
    }
}
