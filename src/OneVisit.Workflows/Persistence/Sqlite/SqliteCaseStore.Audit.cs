using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Storage;
using static OneVisit.Workflows.Persistence.Sqlite.SqliteValues;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>The audit log: append-only lines, each chained to its case's previous line (see <see cref="AuditSeal"/>).</summary>
internal sealed partial class SqliteCaseStore
{
    /// <summary>The schema version from which lines carry a chain (CaseSchema's v4).</summary>
    private const int ChainedSchema = 4;

    private const string InsertAudit =
        "INSERT INTO ov_audit (entry_key, case_id, subject_id, at, actor, action, detail, data_requested, purpose, chain_index, hash, mac) "
        + "VALUES ($key, $case, $subject, $at, $actor, $action, $detail, $data, $purpose, $index, $hash, $mac) ON CONFLICT (entry_key) DO NOTHING";

    // One statement finds both whether the key was used and the chain's last line (through ov_audit_chain).
    private const string ChainHead = """
        SELECT EXISTS (SELECT 1 FROM ov_audit WHERE entry_key = $key), head.chain_index, head.hash
        FROM (SELECT 1) LEFT JOIN (
            SELECT chain_index, hash FROM ov_audit WHERE case_id = $case AND chain_index IS NOT NULL ORDER BY chain_index DESC LIMIT 1
        ) head
        """;

    /// <summary>Appends an entry once: a repeated step writes the same key and adds nothing.</summary>
    public Task AppendAuditAsync(string entryKey, AuditEntry entry, CancellationToken cancellationToken) =>
        database.WriteAsync(
            transaction =>
            {
                AppendAudit(transaction, database.Options.AuditSeal, entryKey, entry);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// Appends an entry inside a transaction the caller owns, as the next line of its case's chain. The single
    /// writer makes "read the chain's last line, then insert after it" one consistent step. A key already used
    /// adds nothing, so a step that runs again neither duplicates its line nor forks the chain.
    /// </summary>
    internal static void AppendAudit(SqliteTransaction transaction, AuditSeal seal, string entryKey, AuditEntry entry)
    {
        long index;
        string? previous;
        using (var head = SqlCommands.Create(transaction, ChainHead).With("$key", entryKey).With("$case", entry.CaseId))
        using (var reader = head.ExecuteReader())
        {
            reader.Read();
            if (reader.GetBoolean(0))
            {
                return;
            }

            index = reader.IsDBNull(1) ? 0 : reader.GetInt64(1) + 1;
            previous = NullableString(reader, 2);
        }

        var hash = AuditSeal.Hash(entry, index, previous);
        Execute(transaction, InsertAudit, c => BindAudit(c, entryKey, entry).With("$index", index).With("$hash", hash).With("$mac", seal.Mac(hash)));
    }

    private static SqliteCommand BindAudit(SqliteCommand c, string entryKey, AuditEntry entry) =>
        c.With("$key", entryKey).With("$case", entry.CaseId).With("$subject", entry.SubjectId).With("$at", ToDb(entry.At))
            .With("$actor", entry.Actor).With("$action", entry.Action).With("$detail", entry.Detail)
            .With("$data", entry.DataRequested).With("$purpose", entry.Purpose);

    public Task<List<AuditEntry>> AuditOfCaseAsync(string caseId, CancellationToken cancellationToken) => AuditAsync("case_id", caseId, cancellationToken);

    public Task<List<AuditEntry>> AuditOfSubjectAsync(string subjectId, CancellationToken cancellationToken) => AuditAsync("subject_id", subjectId, cancellationToken);

    private Task<List<AuditEntry>> AuditAsync(string column, string value, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {AuditColumns} FROM ov_audit WHERE {column} = $v ORDER BY seq",
            c => c.With("$v", value),
            ReadAuditEntry,
            cancellationToken);

    private const string AuditColumns = "seq, case_id, subject_id, at, actor, action, detail, data_requested, purpose";

    private static AuditEntry ReadAuditEntry(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), Instant(r, 3), r.GetString(4), r.GetString(5), r.GetString(6), NullableString(r, 7), NullableString(r, 8));

    public Task<List<string>> AuditedCasesAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT case_id FROM ov_audit UNION SELECT case_id FROM ov_cases ORDER BY 1", _ => { }, r => r.GetString(0), cancellationToken);

    /// <summary>
    /// The case's lines with their chain fields. A store whose schema predates chaining (read without migrating it,
    /// as the CLI does) has only unchained lines; a missing <c>ov_audit_chaining</c> row counts no line as old.
    /// </summary>
    public Task<AuditChain> AuditChainAsync(string caseId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            connection =>
            {
                var chained = SqliteMigrations.ReadVersion(connection, null, CaseSchema.Component) >= ChainedSchema;
                var sql = chained
                    ? $"SELECT {AuditColumns}, chain_index, hash, mac, seq <= (SELECT unchained_up_to FROM ov_audit_chaining) FROM ov_audit WHERE case_id = $case ORDER BY chain_index IS NOT NULL, chain_index, seq"
                    : $"SELECT {AuditColumns}, NULL, NULL, NULL, 1 FROM ov_audit WHERE case_id = $case ORDER BY seq";
                var lines = new List<AuditChainLine>();
                using (var command = SqlCommands.Create(connection, sql).With("$case", caseId))
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        lines.Add(new AuditChainLine(ReadAuditEntry(reader), reader.GetNullableInt64(9), NullableString(reader, 10), NullableString(reader, 11), !reader.IsDBNull(12) && reader.GetBoolean(12)));
                    }
                }

                using var started = SqlCommands.Create(connection, "SELECT 1 FROM ov_cases WHERE case_id = $case AND workflow_id IS NOT NULL").With("$case", caseId);
                return new AuditChain(caseId, started.ExecuteScalar() is not null, lines);
            },
            cancellationToken);
}
