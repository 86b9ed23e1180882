using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;
using static OneVisit.Workflows.Tests.Migration.MigrationCatalogues;

namespace OneVisit.Workflows.Tests.Migration;

/// <summary>
/// An operator's migration killed in the middle (a separate process, as <c>onevisit cases migrate</c> runs): run again,
/// it moves the rest and none twice; every case is on the new version with one audit line for its move, every chain
/// verifies, and the moved cases go on to be decided under the new version.
/// </summary>
public abstract class MigrationCrashCases
{
    private const int Cases = 8;
    private const int KilledAfter = 3;

    private protected MigrationCrashCases(CaseStore store) => Store = store;

    private protected CaseStore Store { get; }

    [Fact]
    public async Task Migration_KilledMidRun_IsFinishedByTheNextRun_MovingEachCaseOnce()
    {
        var directory = Directory.CreateTempSubdirectory("onevisit-migration-crash-").FullName;
        var store = await CrashStore.OpenAsync(Store, directory);
        using var v1 = Version1();
        using var v2 = Version2(DropsBranchHeadAppointment, StatutoryDays(10));
        try
        {
            var ids = await SubmitAsync(store, v1);

            using (var first = ChildHost.StartMigrationHost(store.HostArgument, v2.Path, limit: KilledAfter))
            {
                string? line;
                while ((line = await first.NextLineAsync()) is not null && !line.StartsWith($"settled {KilledAfter} ", StringComparison.Ordinal))
                {
                }

                Assert.True(line is not null, "The migration ended before the kill: " + first.Errors);
                first.Process.Kill();
                await first.Process.WaitForExitAsync();
            }

            Assert.Equal(KilledAfter, (await store.Sql.StringsAsync("SELECT case_id FROM ov_cases WHERE procedure_version = 2")).Count);

            using (var second = ChildHost.StartMigrationHost(store.HostArgument, v2.Path))
            {
                await second.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
                Assert.True(second.Process.ExitCode == 0, second.Errors);
                Assert.Contains($"migrated {Cases - KilledAfter} already {KilledAfter}", second.Output);
            }

            Assert.Equal(Enumerable.Repeat("2", Cases), await store.Sql.StringsAsync("SELECT CAST(procedure_version AS TEXT) FROM ov_cases"));
            Assert.Equal(Enumerable.Repeat("2", Cases), await store.Sql.StringsAsync("SELECT CAST(version AS TEXT) FROM wf_instances"));
            Assert.Empty(await store.Sql.StringsAsync($"SELECT case_id FROM ov_audit WHERE action = '{AuditActions.Migrated}' GROUP BY case_id HAVING COUNT(*) <> 1"));
            Assert.Equal(Cases, (await store.Sql.StringsAsync($"SELECT case_id FROM ov_audit WHERE action = '{AuditActions.Migrated}'")).Count);

            // The moved cases run on under version 2: no branch head's appointment is asked for, a decision closes them.
            await using var host = await CaseHarness.StartAsync(directory: directory, catalog: v2.Path, postgres: store.Postgres);
            var id = ids[0];
            await host.Cases.SupplyDocumentsAsync(id, new SuppliedDocuments([new("lease_contract", "2014")]));
            await host.WaitForStage(id, CaseStage.UnderReview);
            await host.Cases.DecideAsync(id, new OfficerDecision(Approved: true));
            await host.WaitUntil(id, s => s.Decision is not null);
            var verified = await host.Audit.VerifyAsync();
            Assert.True(verified.AllVerified, string.Join("; ", verified.Cases.Where(c => c.State != AuditChainState.Verified).Select(c => $"{c.CaseId}: {c.Break?.Explanation}")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Errand 1 submitted <see cref="Cases"/> times on version 1, each waiting for its supplement.</summary>
    private static async Task<List<string>> SubmitAsync(CrashStore store, TempCatalogue v1)
    {
        await using var harness = await CaseHarness.StartAsync(directory: store.Directory, catalog: v1.Path, postgres: store.Postgres);
        var ids = new List<string>();
        for (var i = 0; i < Cases; i++)
        {
            var submitted = await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", $"migration-crash-{i}"));
            await harness.WaitForStage(submitted.CaseId, CaseStage.AwaitingSupplement);
            ids.Add(submitted.CaseId);
        }

        return ids;
    }
}

public sealed class SqliteMigrationCrashTests() : MigrationCrashCases(CaseStore.Sqlite);

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresMigrationCrashTests(PostgresClusterFixture postgres) : MigrationCrashCases(CaseStore.PostgreSql(postgres));
