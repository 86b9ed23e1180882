using Npgsql;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Readme;

/// <summary>
/// The README's quick start for several nodes: its Program.cs with the variant's lines applied (the PostgreSQL package
/// referenced, <c>UseSqlite</c> replaced by the variant's <c>UsePostgreSql</c>), run as a separate process against a
/// database that another node (this test's) already runs on. It must print what the SQLite quick start prints, with
/// both nodes in the cluster.
/// </summary>
[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SeveralNodesQuickStartTests(PostgresClusterFixture postgres)
{
    [Fact]
    public async Task Readme_SeveralNodesVariant_RunsBesideAnotherNodeOnOneDatabase()
    {
        var (shell, program) = CasesQuickStartTests.QuickStart();
        var (variantShell, variant) = SeveralNodesOf();
        Assert.Contains("dotnet add reference ../onevisit/src/OneVisit.Workflows.PostgreSql", variantShell, StringComparison.Ordinal);
        var usePostgres = variant.Split('\n').Single(l => l.Contains(".UsePostgreSql(", StringComparison.Ordinal));
        var useSqlite = program.Split('\n').Single(l => l.Contains(".UseSqlite(", StringComparison.Ordinal));
        var usings = variant.Split('\n').Where(l => l.StartsWith("using ", StringComparison.Ordinal));
        var clustered = string.Join("\n", usings) + "\n" + program.Replace(useSqlite, usePostgres, StringComparison.Ordinal);
        var database = await postgres.CreateDatabaseAsync();
        await using var otherNode = await CaseHarness.StartAsync(postgres: database);
        var folder = Directory.CreateTempSubdirectory("onevisit-readme-nodes-").FullName;
        try
        {
            var host = await CasesQuickStartTests.BuildAsync(folder, shell, clustered, "OneVisit.Workflows", "OneVisit.Workflows.PostgreSql");

            var run = await CasesQuickStartTests.RunAsync(folder, [host], new Dictionary<string, string> { ["ConnectionStrings__OneVisit"] = database });

            CasesQuickStartTests.AssertRan(run);
            Assert.False(File.Exists(Path.Combine(folder, "onevisit.db")), "The variant still wrote a SQLite file.");
            await using var source = NpgsqlDataSource.Create(database);
            await using var count = source.CreateCommand("SELECT count(*) FROM ov_cases WHERE bundle_case_id IS NULL AND kind <> 'bundle'");
            Assert.True((long)(await count.ExecuteScalarAsync())! >= 1, "The variant's case is not in the shared database.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (string Shell, string Program) SeveralNodesOf() => CasesQuickStartTests.SeveralNodes();
}
