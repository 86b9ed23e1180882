using Npgsql;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Cli.Tests.Postgres;

/// <summary>
/// <c>cases list|show</c> and <c>audit verify|who-looked</c> on a real PostgreSQL store a host left (a throwaway
/// cluster, no mocks): they read it with <c>--pg</c> or a connection string in <c>--db</c>, and write nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresInspectionTests(PostgresClusterFixture postgres)
{
    // One seeded store for the tests that only read it: a host run costs seconds.
    private static readonly SemaphoreSlim SeedLock = new(1, 1);
    private static (string ConnectionString, string CaseId)? _seeded;

    [Fact]
    public async Task CasesList_WithPg_ListsTheHostsCase()
    {
        var (store, caseId) = await SeededAsync();

        var (exit, output, error) = Cli.Run("cases", "list", "--pg", store, "--lang", "en");

        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Contains(caseId, output, StringComparison.Ordinal);
        Assert.Contains("1 case in 'Host=127.0.0.1;", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasesList_ConnectionStringInDb_ReadsPostgreSqlNotAFile()
    {
        var (store, caseId) = await SeededAsync();

        var (exit, output, error) = Cli.Run("cases", "list", "--db", store, "--json");

        Assert.True(exit == ExitCodes.Ok, output + error);
        using var json = JsonConvention.Parse(output);
        Assert.Equal(caseId, Assert.Single(json.RootElement.GetProperty("cases").EnumerateArray()).GetProperty("caseId").GetString());
    }

    [Fact]
    public async Task CasesShow_WithPg_ShowsTheClosedCaseAndItsTrail()
    {
        var (store, caseId) = await SeededAsync();

        var (exit, output, error) = Cli.Run("cases", "show", caseId, "--pg", store, "--json");

        Assert.True(exit == ExitCodes.Ok, output + error);
        using var json = JsonConvention.Parse(output);
        Assert.Equal(caseId, json.RootElement.GetProperty("caseId").GetString());
        Assert.Equal("closed", json.RootElement.GetProperty("stage").GetString());
        Assert.Equal("approved", json.RootElement.GetProperty("outcome").GetString());
        Assert.True(json.RootElement.GetProperty("audit").GetArrayLength() > 0);
        Assert.Equal("verified", json.RootElement.GetProperty("auditChain").GetProperty("state").GetString());
    }

    [Fact]
    public async Task CasesShow_UnknownCase_UsageErrorWhoseHintNamesTheStoreWithoutPassword()
    {
        var (store, _) = await SeededAsync();
        var withPassword = new NpgsqlConnectionStringBuilder(store) { Password = "s3cret-pw" }.ConnectionString;

        var (exit, output, error) = Cli.Run("cases", "show", "C00000000000000000000", "--pg", withPassword);

        Assert.True(exit == ExitCodes.Usage, output + error);
        Assert.Contains("there is no case 'C00000000000000000000' in 'Host=127.0.0.1;", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_WithPg_EveryChainVerifiedExitZero()
    {
        var (store, caseId) = await SeededAsync();

        var (exit, output, error) = Cli.Run("audit", "verify", "--pg", store, "--json");

        Assert.True(exit == ExitCodes.Ok, output + error);
        using var json = JsonConvention.Parse(output);
        Assert.True(json.RootElement.GetProperty("allVerified").GetBoolean());
        Assert.Equal(caseId, Assert.Single(json.RootElement.GetProperty("cases").EnumerateArray()).GetProperty("caseId").GetString());
    }

    [Fact]
    public async Task AuditVerify_ALineEditedPastTheTrigger_BrokenExitOne()
    {
        var store = await postgres.CreateDatabaseAsync();
        var caseId = await PostgresStoreSeed.WithClosedCaseAsync(store);
        // As the tables' owner could: the append-only trigger dropped, a line's detail rewritten.
        await ExecuteAsync(store, $"""
            ALTER TABLE ov_audit DISABLE TRIGGER ov_audit_no_update_or_delete;
            UPDATE ov_audit SET detail = detail || ' (edited)' WHERE seq = (SELECT min(seq) FROM ov_audit WHERE case_id = '{caseId}');
            """);

        var (exit, output, error) = Cli.Run("audit", "verify", "--pg", store, "--lang", "en");

        Assert.True(exit == ExitCodes.Errors, output + error);
        Assert.Contains(caseId, output, StringComparison.Ordinal);
        Assert.Contains("BROKEN", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditWhoLooked_WithPg_ListsAndExitsZero()
    {
        var (store, _) = await SeededAsync();

        var (exit, output, error) = Cli.Run("audit", "who-looked", PostgresStoreSeed.Applicant, "--pg", store, "--json");

        Assert.True(exit == ExitCodes.Ok, output + error);
        using var json = JsonConvention.Parse(output);
        Assert.Equal(PostgresStoreSeed.Applicant, json.RootElement.GetProperty("subjectId").GetString());
    }

    [Fact]
    public async Task Inspection_WritesNothing_EveryTableAsItWas()
    {
        var (store, caseId) = await SeededAsync();
        var before = await ContentAsync(store);

        Assert.Equal(ExitCodes.Ok, Cli.Run("cases", "list", "--pg", store).ExitCode);
        Assert.Equal(ExitCodes.Ok, Cli.Run("cases", "show", caseId, "--pg", store).ExitCode);
        Assert.Equal(ExitCodes.Ok, Cli.Run("audit", "verify", "--pg", store).ExitCode);
        Assert.Equal(ExitCodes.Ok, Cli.Run("audit", "who-looked", PostgresStoreSeed.Applicant, "--pg", store).ExitCode);

        Assert.Equal(before, await ContentAsync(store));
    }

    [Fact]
    public async Task ReadOnlyConnectionString_TheServerRefusesEveryWrite()
    {
        var (store, _) = await SeededAsync();
        var readOnly = OneVisit.Cli.Common.PostgresStore.ReadOnly(new NpgsqlConnectionStringBuilder(store));

        await using var connection = new NpgsqlConnection(readOnly);
        await connection.OpenAsync();
        await using var show = new NpgsqlCommand("SHOW default_transaction_read_only", connection);
        Assert.Equal("on", await show.ExecuteScalarAsync());
        await using var write = new NpgsqlCommand("CREATE TABLE ov_written_by_inspection (id int)", connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => write.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
    }

    [Fact]
    public async Task SchemaVersions_ThisBuildReads_AreThoseAHostWrites()
    {
        var (store, _) = await SeededAsync();

        var written = await QueryAsync(store, "SELECT component || '=' || version FROM schema_versions");

        Assert.Equal(
            OneVisit.Cli.Common.PostgresStore.SchemaVersions.Select(v => $"{v.Key}={v.Value}").Order(StringComparer.Ordinal),
            written.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("cases", "list")]
    [InlineData("audit", "verify")]
    public async Task EmptyDatabase_SaysItHoldsNoCaseStoreAndCreatesNothing(string command, string sub)
    {
        var store = await postgres.CreateDatabaseAsync();

        var (exit, output, error) = Cli.Run(command, sub, "--pg", store);

        Assert.True(exit == ExitCodes.Errors, output + error);
        Assert.Contains("holds no OneVisit case store", error, StringComparison.Ordinal);
        Assert.Contains("point --pg at the database a OneVisit host with UsePostgreSql uses", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Empty(await QueryAsync(store, "SELECT relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"));
    }

    [Fact]
    public async Task NewerSchema_SaysUseANewerOnevisit()
    {
        var store = await postgres.CreateDatabaseAsync();
        await PostgresStoreSeed.WithClosedCaseAsync(store);
        await ExecuteAsync(store, "UPDATE schema_versions SET version = 99 WHERE component = 'onevisit.cases'");

        var (exit, output, error) = Cli.Run("cases", "list", "--pg", store);

        Assert.True(exit == ExitCodes.Errors, output + error);
        Assert.Contains("schema version 99 (onevisit.cases), newer than this onevisit reads (3); use a newer onevisit", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreachableServer_OneLineNamingHostAndDatabaseNeverThePassword()
    {
        var closed = FreePort();
        var store = $"Host=127.0.0.1;Port={closed};Database=cases;Username=inspector;Password=s3cret-pw";

        var (exit, output, error) = Cli.Run("cases", "list", "--pg", store);

        Assert.True(exit == ExitCodes.Errors, output + error);
        Assert.Contains($"could not reach PostgreSQL at 127.0.0.1:{closed}, database 'cases' as user 'inspector'", error, StringComparison.Ordinal);
        Assert.Contains("Check the host and port", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task MissingDatabase_SaysSoAndWhatToCheck()
    {
        var store = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync()) { Database = "no_such_database", Password = "s3cret-pw" }.ConnectionString;

        var (exit, output, error) = Cli.Run("audit", "verify", "--pg", store);

        Assert.True(exit == ExitCodes.Errors, output + error);
        Assert.Contains("database 'no_such_database'", error, StringComparison.Ordinal);
        Assert.Contains("the database does not exist", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", output + error, StringComparison.Ordinal);
    }

    private async Task<(string ConnectionString, string CaseId)> SeededAsync()
    {
        await SeedLock.WaitAsync();
        try
        {
            if (_seeded is null)
            {
                var store = await postgres.CreateDatabaseAsync("seeded");
                _seeded = (store, await PostgresStoreSeed.WithClosedCaseAsync(store));
            }

            return _seeded.Value;
        }
        finally
        {
            SeedLock.Release();
        }
    }

    /// <summary>Every OneVisit and engine table's rows, as text, in a stable order.</summary>
    private static async Task<List<string>> ContentAsync(string store)
    {
        var tables = await QueryAsync(store, "SELECT relname::text FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 1");
        var content = new List<string>();
        foreach (var table in tables)
        {
            content.Add(table);
            content.AddRange(await QueryAsync(store, $"SELECT t::text FROM \"{table}\" t ORDER BY 1"));
        }

        return content;
    }

    private static async Task<List<string>> QueryAsync(string store, string sql)
    {
        await using var connection = new NpgsqlConnection(store);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task ExecuteAsync(string store, string sql)
    {
        await using var connection = new NpgsqlConnection(store);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
