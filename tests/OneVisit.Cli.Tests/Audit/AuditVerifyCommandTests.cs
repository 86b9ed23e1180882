using Microsoft.Data.Sqlite;
using OneVisit.Cli.Tests.Demo;

namespace OneVisit.Cli.Tests.Audit;

/// <summary>
/// <c>onevisit audit verify</c> and the mark of <c>cases show</c> on a copy of the demo's store, tampered with as an
/// attacker with write access to the file would (a plain connection, triggers dropped where they stand in the way).
/// </summary>
public sealed class AuditVerifyCommandTests(DemoStore demo) : IClassFixture<DemoStore>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("onevisit-audit-tests-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void AuditVerify_UntouchedDemoStore_EveryChainVerifiedExitZero()
    {
        var (exit, output, error) = Cli.Run("audit", "verify", "--db", demo.Database, "--json");

        Assert.True(exit == ExitCodes.Ok, output + error);
        using var json = JsonConvention.Parse(output);
        Assert.True(json.RootElement.GetProperty("allVerified").GetBoolean());
        Assert.False(json.RootElement.GetProperty("macsChecked").GetBoolean());
        Assert.True(json.RootElement.GetProperty("cases").GetArrayLength() >= 4);
    }

    [Theory]
    [InlineData("replace", "hash_mismatch", 0)]
    [InlineData("delete", "index_gap", 0)]
    [InlineData("insert", "hash_mismatch", 1)]
    [InlineData("edit", "hash_mismatch", 0)]
    public void AuditVerify_Forgery_ReportsTheCaseAndPositionExitOne(string forgery, string kind, int after)
    {
        var database = Tampered(out var caseId, out var position, forgery);

        var (exit, output, error) = Cli.Run("audit", "verify", "--db", database, "--json");

        Assert.True(exit == ExitCodes.Errors, output + error);
        using var json = JsonConvention.Parse(output);
        var broken = Assert.Single(json.RootElement.GetProperty("cases").EnumerateArray(), c => c.GetProperty("state").GetString() == "broken");
        Assert.Equal(caseId, broken.GetProperty("caseId").GetString());
        Assert.Equal(kind, broken.GetProperty("break").GetProperty("kind").GetString());
        Assert.Equal(position + after, broken.GetProperty("break").GetProperty("position").GetInt64());
    }

    [Fact]
    public void CasesShow_CaseWithAForgedDecision_MarkedNearTheTopInTextAndJson()
    {
        var database = Tampered(out var caseId, out var position, "replace");

        var (exit, output, _) = Cli.Run("cases", "show", caseId, "--db", database, "--lang", "en");
        var (_, json, _) = Cli.Run("cases", "show", caseId, "--db", database, "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Matches($@"^Case {caseId}: .*\nAUDIT CHAIN BROKEN at position {position} \(decided, seq \d+\): hash mismatch", output);
        using var document = JsonConvention.Parse(json);
        Assert.Equal("broken", document.RootElement.GetProperty("auditChain").GetProperty("state").GetString());
    }

    [Fact]
    public void AuditVerify_KeyOnAStoreWrittenWithoutOne_EveryChainMacMismatchAtItsStart()
    {
        var key = Convert.ToBase64String(new byte[32]);

        var (exit, output, _) = Cli.Run("audit", "verify", "--db", demo.Database, "--key", key, "--lang", "en");

        Assert.Equal(ExitCodes.Errors, exit);
        Assert.Contains("hashes and HMACs checked with the key given", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^C[0-9A-F]{20}\s+BROKEN\s+at position 0 \(submitted, seq \d+\): HMAC mismatch", output);
    }

    [Theory]
    [InlineData("not base64!", "is not base64")]
    [InlineData("c2hvcnQ=", "is 5 bytes long, fewer than 32")]
    public void AuditVerify_UnusableKey_UsageErrorWithoutShowingTheKey(string key, string problem)
    {
        var (exit, output, error) = Cli.Run("audit", "verify", "--db", demo.Database, "--key", key);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains($"the key (--key or ONEVISIT_AUDIT_KEY) {problem}", error, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error, StringComparison.Ordinal);
    }

    /// <summary>A copy of the demo's store with one forgery done to its first decided case, with that case and the decided line's position.</summary>
    private string Tampered(out string caseId, out long position, string forgery)
    {
        var copy = Path.Combine(_folder, $"{forgery}.db");
        using var connection = new SqliteConnection($"Data Source={demo.Database}");
        connection.Open();
        Execute(connection, $"VACUUM INTO '{copy}'");
        connection.Close();

        using var attacker = new SqliteConnection($"Data Source={copy}");
        attacker.Open();
        using (var find = attacker.CreateCommand())
        {
            find.CommandText = "SELECT case_id, chain_index FROM ov_audit WHERE action = 'decided' ORDER BY seq LIMIT 1";
            using var reader = find.ExecuteReader();
            Assert.True(reader.Read(), "the demo decides a case");
            caseId = reader.GetString(0);
            position = reader.GetInt64(1);
        }

        var target = $"case_id = '{caseId}' AND chain_index = {position}";
        Execute(attacker, forgery switch
        {
            // REPLACE removes the old row without firing the delete trigger.
            "replace" => $"""
                INSERT OR REPLACE INTO ov_audit (seq, entry_key, case_id, subject_id, at, actor, action, detail, data_requested, purpose, chain_index, hash, mac)
                SELECT seq, entry_key, case_id, subject_id, at, actor, action, 'refused', data_requested, purpose, chain_index, hash, mac FROM ov_audit WHERE {target}
                """,
            "delete" => $"DROP TRIGGER ov_audit_no_delete; DELETE FROM ov_audit WHERE {target}",
            "insert" => $"""
                INSERT INTO ov_audit (entry_key, case_id, subject_id, at, actor, action, detail, chain_index, hash)
                SELECT 'forged', case_id, subject_id, at, 'officer-9', 'decided', 'approved again', (SELECT MAX(chain_index) + 1 FROM ov_audit WHERE case_id = '{caseId}'), hash
                FROM ov_audit WHERE {target}
                """,
            _ => $"DROP TRIGGER ov_audit_no_update; UPDATE ov_audit SET actor = 'officer-9' WHERE {target}",
        });
        if (forgery == "insert")
        {
            // The forged line goes at the end of the chain: its position is the chain's length.
            using var length = attacker.CreateCommand();
            length.CommandText = $"SELECT MAX(chain_index) - 1 FROM ov_audit WHERE case_id = '{caseId}'";
            position = (long)length.ExecuteScalar()!;
        }

        return copy;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
