using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OneVisit.Rules.Hosting;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Hosting;
using OneVisit.Workflows.PostgreSql;
using OneVisit.Workflows.Tests.Support;
using Xunit.Abstractions;
using static OneVisit.Workflows.Tests.Support.ClusterNodes;
using static OneVisit.Workflows.Tests.Support.PostgresQuery;

namespace OneVisit.Workflows.Tests.PostgreSql.Cluster;

/// <summary>
/// Nodes as separate processes (tests/OneVisit.Workflows.ClusterNode) on one PostgreSQL database: started together (so
/// their migrations race), each submitting its share of the cases and the same shared idempotency keys, each deciding
/// the cases that hash to it wherever they run; some killed with kill -9 mid-run. What must hold: every case closes,
/// each key is one case with one workflow, each evidence request reaches the department once (twice only when its
/// sender died with it in flight), every audit chain verifies, and a timer due on a dead node fires once elsewhere.
/// </summary>
[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ThreeNodeTests(PostgresClusterFixture fixture, ITestOutputHelper output)
{
    // Short, so a killed node is taken over in seconds (the design bound is this plus the poll interval).
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(4);

    // Generous: on a loaded 2-core machine 500 cases take minutes; a stuck case fails the run at this deadline.
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(10);

    // Requests the killed node (n2) sent that have no stored answer: in flight when it died.
    private const string InFlightOfVictim = """
        SELECT l.idempotency_key FROM test_department_log l JOIN ov_evidence_requests r USING (idempotency_key)
        WHERE l.node = 'n2' AND r.response IS NULL
        """;

    [Fact]
    public async Task ThreeNodes_500Cases_AllClose_EachKeyOnce_EachRequestOnce_ChainsVerify()
    {
        const int cases = 500;
        const int shared = 5;
        var database = await fixture.CreateDatabaseAsync();
        var clock = Stopwatch.StartNew();
        var nodes = Enumerable.Range(0, 3).Select(i => Start(database, i, 3, cases, shared, departmentLatencyMs: 150, silent: false, Lease)).ToList();
        try
        {
            await WaitForAllAsync(nodes, database);
            output.WriteLine($"3 nodes, {cases} cases and {shared} shared keys: all closed in {clock.Elapsed.TotalSeconds:F1} s");

            // Started together: each ran the migrations at once with the others, and every one came up on them.
            Assert.All(nodes, n => Assert.Contains("shared submitted", n.Output, StringComparison.Ordinal));
            Assert.Equal(["onevisit.cases", "workflows"], await ColumnAsync(database, "SELECT component FROM schema_versions ORDER BY component"));

            await AssertRunConsistentAsync(database, cases + shared, allowedResends: new HashSet<string>());
            Assert.Equal(shared, await ScalarAsync<long>(database, "SELECT count(*) FROM ov_cases WHERE idempotency_key LIKE 'shared-%'"));
        }
        finally
        {
            KillAll(nodes);
        }
    }

    [Fact]
    public async Task OneOfThreeKilledMidRun_TheOthersFinishEveryCase_ResendingOnlyWhatItHadInFlight()
    {
        const int cases = 150;
        const int shared = 3;
        var database = await fixture.CreateDatabaseAsync();
        var nodes = Enumerable.Range(0, 3).Select(i => Start(database, i, 3, cases, shared, departmentLatencyMs: 1500, silent: false, Lease)).ToList();
        try
        {
            // Killed once it has submitted its share and has requests at the department (slow to answer, so there are):
            // its cases, timers and requests are then in flight.
            var victim = nodes[2];
            await victim.WaitForLineAsync(l => l == "submitted all", "submitted all");
            await DatabaseWatch.UntilAsync<long>(
                database, InFlightOfVictim.Replace("SELECT l.idempotency_key", "SELECT count(*)", StringComparison.Ordinal), n => n > 0,
                ["test_department_log", "ov_evidence_requests"], TimeSpan.FromSeconds(30), () => victim.Errors);
            await victim.KillAsync();
            var killedAt = await ScalarAsync<DateTime>(database, "SELECT clock_timestamp()");

            // Requests the victim's department received that had no stored answer when it died: the only ones that may go
            // again (taken right away, within the lease, before any survivor may take them over).
            var inFlight = (await ColumnAsync(database, InFlightOfVictim)).ToHashSet(StringComparer.Ordinal);
            var open = await ScalarAsync<long>(database, "SELECT count(*) FROM ov_cases WHERE closed_at IS NULL");
            Assert.True(open > 0, "killed too late: every case had closed");

            await WaitForAllAsync(nodes[..2], database);
            var lastClosed = await ScalarAsync<DateTime>(database, "SELECT max(closed_at) FROM ov_cases");
            output.WriteLine($"killed n2 with {open} cases open and {inFlight.Count} requests in flight; the last case closed {(lastClosed - killedAt).TotalSeconds:F1} s after the kill (lease {Lease.TotalSeconds:F0} s, poll 1 s)");

            await AssertRunConsistentAsync(database, cases + shared, inFlight);

            // A resent request went exactly twice: once from the victim before the kill, once from a survivor after it.
            var resent = await RowsAsync(database, """
                SELECT idempotency_key, string_agg(node, ',' ORDER BY seq), bool_and(node = 'n2' OR at > @killed)
                FROM test_department_log GROUP BY idempotency_key HAVING count(*) > 1
                """.Replace("@killed", $"'{killedAt:O}'::timestamptz", StringComparison.Ordinal));
            Assert.All(resent, r =>
            {
                Assert.Matches("^n2,n[01]$", r[1]);

                // A survivor that sent it before the kill took n2 for dead while it was alive (its heartbeat came later
                // than the lease): a duplicate no crash explains.
                Assert.True(r[2] == "True", $"{r[0]} was sent again by a survivor before n2 was killed (n2 was taken for dead while alive)");
            });
            // And each of those was sent again: its case waited for an answer that only a survivor's rescan could bring.
            Assert.Equal(inFlight.Order(StringComparer.Ordinal), resent.Select(r => r[0]).Order(StringComparer.Ordinal));
            output.WriteLine($"{resent.Count} of the {inFlight.Count} requests in flight were sent again");
        }
        finally
        {
            KillAll(nodes);
        }
    }

    [Fact]
    public async Task TimerDueWhileItsNodeIsDead_FiresOnceOnAnotherNode()
    {
        var database = await fixture.CreateDatabaseAsync();

        // Node n0 submits one case whose department never answers; n1 submits nothing and only runs.
        var nodes = Enumerable.Range(0, 2).Select(i => Start(database, i, 2, cases: 1, sharedKeys: 0, departmentLatencyMs: 0, silent: true, Lease)).ToList();
        try
        {
            var (a, b) = (nodes[0], nodes[1]);
            await b.WaitForLineAsync(l => l == "started", "started");
            await a.WaitForLineAsync(l => l == "submitted 0", "submitted 0");
            var caseId = await DatabaseWatch.UntilAsync<string>(
                database,
                "SELECT coalesce((SELECT case_id FROM ov_timers WHERE NOT fired AND timer_id LIKE '%answer:%'), '')",
                id => id.Length > 0,
                ["ov_timers"],
                TimeSpan.FromSeconds(60),
                () => a.Errors);
            await a.KillAsync();
            Assert.False(await ScalarAsync<bool>(database, $"SELECT fired FROM ov_timers WHERE case_id = '{caseId}' AND timer_id LIKE '%answer:%'"), "killed too late: the timer had fired on n0");

            // n1 fires the timeout when it is due (n0's claim, if any, lapsed with its lease): the applicant is asked. The
            // case's stage stays FetchingEvidence while one of its documents waits for the applicant.
            await DatabaseWatch.UntilAsync<long>(
                database,
                $"SELECT count(*) FROM ov_audit WHERE case_id = '{caseId}' AND action = '{AuditActions.ApplicantAsked}'",
                asked => asked > 0,
                ["ov_audit"],
                TimeSpan.FromSeconds(60),
                () => b.Errors);

            var timer = (await RowsAsync(database, $"""
                SELECT t.fired, n.name FROM ov_timers t LEFT JOIN ov_nodes n ON n.node_id = t.claimed_by
                WHERE t.case_id = '{caseId}' AND t.timer_id LIKE '%answer:%'
                """)).Single();
            Assert.Equal(["True", "n1"], timer);
            Assert.Equal(1L, await ScalarAsync<long>(database, $"SELECT count(*) FROM ov_audit WHERE case_id = '{caseId}' AND action = '{AuditActions.EvidenceTimedOut}'"));
            Assert.Equal(1L, await ScalarAsync<long>(database, $"SELECT count(*) FROM ov_audit WHERE case_id = '{caseId}' AND action = '{AuditActions.ApplicantAsked}'"));
            await AssertChainsVerifyAsync(database, 1);
        }
        finally
        {
            KillAll(nodes);
        }
    }

    private static async Task WaitForAllAsync(IEnumerable<ChildHost> nodes, string database)
    {
        await Task.WhenAll(nodes.Select(async n =>
        {
            try
            {
                await n.Process.WaitForExitAsync().WaitAsync(RunDeadline);
            }
            catch (TimeoutException)
            {
                // Where the open cases stand, and their workflows: a stuck one waits on nothing that will come.
                var open = await RowsAsync(database, """
                    SELECT c.case_id, c.stage, w.status, w.next_execution IS NULL,
                        (SELECT string_agg(s.event_key, ' ') FROM wf_subscriptions s WHERE s.workflow_id = w.id)
                    FROM ov_cases c LEFT JOIN wf_instances w ON w.reference = c.case_id WHERE c.closed_at IS NULL ORDER BY c.case_id LIMIT 40
                    """);
                throw new Xunit.Sdk.XunitException(
                    $"A node still ran after {RunDeadline}.\nOutput tail:\n{Tail(n.Output)}\nErrors:\n{Tail(n.Errors)}\nOpen cases (id, stage, workflow status, unscheduled, waits for):\n"
                    + string.Join('\n', open.Select(r => string.Join(' ', r))));
            }

            Assert.True(n.Process.ExitCode == 0, $"A node exited {n.Process.ExitCode}.\nErrors:\n{n.Errors}");
            Assert.Contains("all closed", n.Output, StringComparison.Ordinal);
        }));
    }

    // Every case of the run closed, with one workflow each; each evidence request reached the department once, or (in
    // allowedResends) at most twice; the audit of every case verifies.
    private static async Task AssertRunConsistentAsync(string database, int expectedCases, IReadOnlySet<string> allowedResends)
    {
        Assert.Equal(expectedCases, await ScalarAsync<long>(database, "SELECT count(*) FROM ov_cases WHERE bundle_case_id IS NULL"));
        Assert.Empty(await ColumnAsync(database, "SELECT case_id || ' ' || stage FROM ov_cases WHERE closed_at IS NULL"));
        Assert.Empty(await ColumnAsync(database, "SELECT reference FROM wf_instances GROUP BY reference HAVING count(*) > 1"));
        Assert.Empty(await ColumnAsync(database, "SELECT c.case_id FROM ov_cases c LEFT JOIN wf_instances w ON w.reference = c.case_id WHERE w.id IS NULL"));

        var sent = (await RowsAsync(database, "SELECT idempotency_key, count(*) FROM test_department_log GROUP BY idempotency_key")).ToDictionary(r => r[0], r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Assert.Equal((await ColumnAsync(database, "SELECT idempotency_key FROM ov_evidence_requests")).Order(StringComparer.Ordinal), sent.Keys.Order(StringComparer.Ordinal));
        var twice = sent.Where(s => s.Value > 1).ToList();
        Assert.All(twice, s => Assert.True(allowedResends.Contains(s.Key) && s.Value == 2, $"{s.Key} reached the department {s.Value} times"));

        await AssertChainsVerifyAsync(database, expectedCases);
    }

    // Verified as the host's processing would, by a service provider on the same database that is never started.
    private static async Task AssertChainsVerifyAsync(string database, int atLeast)
    {
        var services = new ServiceCollection();
        services.AddOneVisit().AddCatalog(RepositoryRoot.SampleCatalogue).AddWorkflows(w => w.UsePostgreSql(database));
        await using var provider = services.BuildServiceProvider();
        var verification = await provider.GetRequiredService<IAuditLog>().As(CaseActor.System).VerifyAsync();
        Assert.True(verification.Cases.Count >= atLeast, $"{verification.Cases.Count} chains");
        Assert.True(verification.AllVerified, string.Join("\n", verification.Cases.Where(c => c.State != AuditChainState.Verified).Select(c => $"{c.CaseId}: {c.State} {c.Break?.Explanation}")));
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(30));
}
