using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Faults;

/// <summary>
/// A host killed in the middle of its cases: a second host on the same SQLite file finishes every case,
/// sends again only the evidence requests the kill caught in flight (with the same idempotency key, so the
/// department acts once), and leaves the audit log consistent.
/// </summary>
public sealed class CrashTests
{
    private const int Cases = 12;

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(11)]
    public async Task Host_KilledMidCase_LeavesCasesThatTheNextHostFinishes(int killAfterSubmitted)
    {
        var directory = Directory.CreateTempSubdirectory("onevisit-crash-").FullName;
        var database = Path.Combine(directory, "cases.db");
        var departmentLog = Path.Combine(directory, "department.log");
        try
        {
            // The first host's departments never answer in time: the kill finds requests in flight.
            using (var first = StartHost(database, departmentLog, departmentLatencyMs: 120_000))
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
            List<string> inFlight;
            using (var connection = new SqliteConnection($"Data Source={database}"))
            {
                connection.Open();
                inFlight = Query(connection, "SELECT idempotency_key FROM ov_evidence_requests WHERE response IS NULL");
                var open = Query(connection, "SELECT case_id FROM ov_cases WHERE closed_at IS NULL");
                Assert.True(open.Count > 0, "killed too late: " + string.Join(", ", Query(connection, "SELECT stage FROM ov_cases")));
            }

            SqliteConnection.ClearAllPools();
            using var second = StartHost(database, departmentLog, departmentLatencyMs: 20);
            await second.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(second.Process.ExitCode == 0, second.Errors);
            Assert.Contains("all closed", second.Output);

            AssertConsistent(database, departmentLog, inFlight);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void AssertConsistent(string database, string departmentLog, List<string> inFlight)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();

        var stages = Query(connection, "SELECT stage || '/' || outcome FROM ov_cases");
        Assert.Equal(Enumerable.Repeat("Closed/Approved", Cases), stages);

        // One line per step effect per case: a replayed step wrote nothing twice.
        var perCase = Query(connection, "SELECT action FROM ov_audit GROUP BY case_id, action HAVING action IN ('submitted', 'accepted', 'decided', 'closed') AND COUNT(*) <> 1");
        Assert.Empty(perCase);
        var requests = Query(connection, "SELECT entry_key FROM ov_audit WHERE action = 'evidence_requested' GROUP BY entry_key HAVING COUNT(*) > 1");
        Assert.Empty(requests);
        var recorded = Query(connection, "SELECT idempotency_key FROM ov_evidence_requests");
        var auditedRequests = Query(connection, "SELECT entry_key FROM ov_audit WHERE action = 'evidence_requested'");
        Assert.Equal(recorded.Count, auditedRequests.Count);

        var sent = File.ReadAllLines(departmentLog).GroupBy(k => k).ToList();
        Assert.Equal(recorded.Order(), sent.Select(g => g.Key).Order());
        var resent = sent.Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.All(resent, key => Assert.Contains(key, inFlight));
        Assert.All(sent, g => Assert.True(g.Count() <= 2, $"{g.Key} was sent {g.Count()} times"));
    }

    internal static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        }

        return values;
    }

    private static ChildHost StartHost(string database, string departmentLog, int departmentLatencyMs) =>
        ChildHost.StartCrashHost(database, departmentLog, Cases, departmentLatencyMs);
}
