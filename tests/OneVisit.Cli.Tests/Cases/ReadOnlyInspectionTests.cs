using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using OneVisit.Cli.Tests.Demo;

namespace OneVisit.Cli.Tests.Cases;

/// <summary>
/// <c>cases list|show</c> inspect: another application's SQLite file, a file that is not SQLite, or a store of
/// another schema version gets a clear message and is left byte-for-byte as it was, with nothing beside it.
/// </summary>
public sealed class ReadOnlyInspectionTests(DemoStore demo) : IClassFixture<DemoStore>
{
    public static TheoryData<string, string[]> Commands => new()
    {
        { "foreign", ["cases", "list"] },
        { "foreign", ["cases", "show", "C00000000000000000000"] },
        { "text", ["cases", "list"] },
        { "text", ["cases", "show", "C00000000000000000000"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Cases_OnAFileThatIsNotACaseStore_SayItAndLeaveItIdentical(string kind, string[] command)
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "other.db");
        if (kind == "foreign")
        {
            ForeignDatabase(file);
        }
        else
        {
            File.WriteAllText(file, string.Concat(Enumerable.Repeat("notes of another application, not a database\n", 200)));
        }

        var before = Hash(file);

        var (exit, output, error) = Cli.Run([.. command, "--db", file]);

        Assert.True(exit == ExitCodes.Errors, output + error);
        Assert.Contains(file, error, StringComparison.Ordinal);
        Assert.Contains("is not a OneVisit case store", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, Hash(file));
        Assert.Equal(["other.db"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(1, "older", "Start a OneVisit host on it once to upgrade it")]
    [InlineData(99, "newer", "Use a newer OneVisit")]
    public void Cases_OnAStoreOfAnotherSchemaVersion_SayWhichToUpgradeAndLeaveIt(int version, string word, string advice)
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "cases.db");
        File.Copy(demo.Database, store);
        Execute(store, $"UPDATE schema_versions SET version = {version} WHERE component = 'workflows'");
        var before = Hash(store);

        var (exit, output, error) = Cli.Run("cases", "list", "--db", store);

        Assert.True(exit == ExitCodes.Errors, output + error);
        Assert.Contains(store, error, StringComparison.Ordinal);
        Assert.Contains(word, error, StringComparison.Ordinal);
        Assert.Contains(advice, error, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, Hash(store));
    }

    [Theory]
    [InlineData("\"applicant_id\":\"demo-applicant-1\"", "\"applicant_id\":\"demo-applicant-1")]
    [InlineData("{\"t\":\"ov.case\",\"v\":", "{\"v\":")]
    public void CasesShow_OnACorruptDocument_NamesTheCaseWithoutPrintingItsContent(string from, string to)
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "cases.db");
        File.Copy(demo.Database, store);
        var caseId = Query(store, "SELECT case_id FROM ov_cases WHERE applicant_id = 'demo-applicant-1'");
        Execute(store, $"UPDATE wf_instances SET document = CAST(replace(CAST(document AS TEXT), '{from}', '{to}') AS BLOB) WHERE reference = '{caseId}'");
        Assert.Equal(caseId, Query(store, "SELECT reference FROM wf_instances WHERE instr(CAST(document AS TEXT), 'demo-applicant-1') > 0 AND instr(CAST(document AS TEXT), '" + to + "') > 0"));

        foreach (var json in new[] { false, true })
        {
            var (exit, output, error) = Cli.Run(["cases", "show", caseId, "--db", store, .. json ? new[] { "--json" } : []]);

            Assert.True(exit == ExitCodes.Errors, output + error);
            Assert.Contains(caseId, error, StringComparison.Ordinal);
            Assert.Contains("cannot be read", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("demo-applicant-1", output + error, StringComparison.Ordinal);
        }
    }

    private static string Query(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }

    private static void ForeignDatabase(string file)
    {
        // Another application's database, in SQLite's default rollback journal: a switch to WAL would show.
        Execute(file, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('kept as it is');");
    }

    private static void Execute(string file, string sql)
    {
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
}
