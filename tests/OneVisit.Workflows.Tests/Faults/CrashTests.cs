using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Faults;

/// <summary>
/// A host killed in the middle of its cases: a second host on the same store (SQLite file or PostgreSQL database)
/// finishes every case, sends again only the evidence requests the kill caught in flight (with the same idempotency
/// key, so the department acts once), and leaves the audit log consistent.
/// </summary>
public abstract class CrashCases
{
    private const int Cases = 12;

    private protected CrashCases(CaseStore store) => Store = store;

    /// <summary>The store this run of the suite puts its cases on.</summary>
    private protected CaseStore Store { get; }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(11)]
    public async Task Host_KilledMidCase_LeavesCasesThatTheNextHostFinishes(int killAfterSubmitted)
    {
        var directory = Directory.CreateTempSubdirectory("onevisit-crash-").FullName;
        var store = await CrashStore.OpenAsync(Store, directory);
        var departmentLog = Path.Combine(directory, "department.log");
        try
        {
            // The first host's departments never answer in time: the kill finds requests in flight.
            using (var first = StartHost(store, departmentLog, departmentLatencyMs: 120_000))
            {
                // Killed while cases are being submitted, prechecked and fetched.
                string? line;
                while ((line = await first.NextLineAsync()) is not null && line != $"submitted {killAfterSubmitted}")
                {
                }

                Assert.True(line is not null, "The first host ended before the kill: " + first.Errors);

                first.Process.Kill();
                await first.Process.WaitForExitAsync();
            }

            // Requests sent but not yet answered when the host died: the only ones that may go again.
            var inFlight = await store.Sql.StringsAsync("SELECT idempotency_key FROM ov_evidence_requests WHERE response IS NULL");
            var open = await store.Sql.StringsAsync("SELECT case_id FROM ov_cases WHERE closed_at IS NULL");
            Assert.True(open.Count > 0, "killed too late: " + string.Join(", ", await store.Sql.StringsAsync("SELECT stage FROM ov_cases")));

            using var second = StartHost(store, departmentLog, departmentLatencyMs: 20);
            await second.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(second.Process.ExitCode == 0, second.Errors);
            Assert.Contains("all closed", second.Output);

            await AssertConsistentAsync(store.Sql, departmentLog, inFlight);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task AssertConsistentAsync(StoreSql sql, string departmentLog, List<string> inFlight)
    {
        var stages = await sql.StringsAsync("SELECT stage || '/' || outcome FROM ov_cases");
        Assert.Equal(Enumerable.Repeat("Closed/Approved", Cases), stages);

        // One line per step effect per case: a replayed step wrote nothing twice.
        var perCase = await sql.StringsAsync("SELECT action FROM ov_audit GROUP BY case_id, action HAVING action IN ('submitted', 'accepted', 'decided', 'closed') AND COUNT(*) <> 1");
        Assert.Empty(perCase);
        var requests = await sql.StringsAsync("SELECT entry_key FROM ov_audit WHERE action = 'evidence_requested' GROUP BY entry_key HAVING COUNT(*) > 1");
        Assert.Empty(requests);
        var recorded = await sql.StringsAsync("SELECT idempotency_key FROM ov_evidence_requests");
        var auditedRequests = await sql.StringsAsync("SELECT entry_key FROM ov_audit WHERE action = 'evidence_requested'");
        Assert.Equal(recorded.Count, auditedRequests.Count);

        var sent = DepartmentLog.Read(departmentLog);
        Assert.Equal(recorded.Order(), sent.Select(g => g.Key).Order());
        var resent = sent.Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.All(resent, key => Assert.Contains(key, inFlight));
        DepartmentLog.AssertAtMostTwice(sent);
    }

    private static ChildHost StartHost(CrashStore store, string departmentLog, int departmentLatencyMs) =>
        ChildHost.StartCrashHost(store.HostArgument, departmentLog, Cases, departmentLatencyMs);
}

public sealed class SqliteCrashTests() : CrashCases(CaseStore.Sqlite);

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresCrashTests(PostgresClusterFixture postgres) : CrashCases(CaseStore.PostgreSql(postgres));
