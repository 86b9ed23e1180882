using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Faults;

/// <summary>
/// A host killed while birth bundles (出生一件事) are in flight: member cases closing, their outputs being passed on,
/// consumer members starting and fetching evidence. A second host on the same store (SQLite file or PostgreSQL
/// database) finishes every member
/// and every bundle; nothing was passed on twice, no member case was started twice, no evidence request went to a
/// department again beyond the same-key resend of one the kill caught in flight, and the audit chains of each
/// bundle and its members agree with each other.
/// </summary>
public abstract class BundleCrashCases
{
    private const int Bundles = 6;

    private protected BundleCrashCases(CaseStore store) => Store = store;

    /// <summary>The store this run of the suite puts its cases on.</summary>
    private protected CaseStore Store { get; }
    private const int MembersPerBundle = 4;

    // The birth bundle's flows, by member index (0-based, as in the bundle): certificate → hukou → insurance.
    private static readonly (int From, int To, string Document)[] Flows = [(0, 1, "birth_medical_certificate"), (1, 2, "household_register")];

    [Theory]
    [InlineData(2)] // certificates and cards being decided, the first outputs passed on
    [InlineData(12)] // the first wave decided: hukou members starting with the certificate, asking for their evidence
    [InlineData(19)] // hukou members decided: the household page passed on, insurance members starting
    public async Task Host_KilledWithBundlesInFlight_LeavesBundlesThatTheNextHostFinishes(int killAfterDecided)
    {
        var directory = Directory.CreateTempSubdirectory("onevisit-bundle-crash-").FullName;
        var store = await CrashStore.OpenAsync(Store, directory);
        var departmentLog = Path.Combine(directory, "department.log");
        try
        {
            // Departments answer after half a second: the kill finds requests in flight as well as decisions.
            // The officer stops at the kill's decision, so the kill always finds bundles open, whatever the machine's speed.
            using (var first = ChildHost.StartCrashHost(store.HostArgument, departmentLog, Bundles, departmentLatencyMs: 500, bundles: true, decisionLimit: killAfterDecided))
            {
                string? line;
                while ((line = await first.NextLineAsync()) is not null && line != $"decided {killAfterDecided}")
                {
                }

                Assert.True(line is not null, "The first host ended before the kill: " + first.Errors);
                first.Process.Kill();
                await first.Process.WaitForExitAsync();
            }

            var inFlight = await store.Sql.StringsAsync("SELECT idempotency_key FROM ov_evidence_requests WHERE response IS NULL");
            var open = await store.Sql.StringsAsync("SELECT case_id FROM ov_cases WHERE kind = 'bundle' AND closed_at IS NULL");
            Assert.True(open.Count > 0, "killed too late: every bundle was closed");

            using (var second = ChildHost.StartCrashHost(store.HostArgument, departmentLog, Bundles, departmentLatencyMs: 20, bundles: true))
            {
                await second.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
                Assert.True(second.Process.ExitCode == 0, second.Errors);
                Assert.Contains("all closed", second.Output);
            }

            await AssertStoreConsistentAsync(store.Sql, departmentLog, inFlight);
            await AssertBundlesAsync(store);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task AssertStoreConsistentAsync(StoreSql sql, string departmentLog, List<string> inFlight)
    {
        Assert.Equal(Enumerable.Repeat("Closed/Approved", Bundles), await sql.StringsAsync("SELECT stage || '/' || outcome FROM ov_cases WHERE kind = 'bundle'"));
        Assert.Equal(Enumerable.Repeat("Closed/Approved", Bundles * MembersPerBundle), await sql.StringsAsync("SELECT stage || '/' || outcome FROM ov_cases WHERE kind = 'case'"));

        // No member case started twice: each bundle has its four member rows under their own ids, and every case
        // (bundle or member) has exactly one workflow.
        var bundles = await sql.StringsAsync("SELECT case_id FROM ov_cases WHERE kind = 'bundle'");
        foreach (var bundle in bundles)
        {
            var members = await sql.StringsAsync($"SELECT case_id FROM ov_cases WHERE bundle_case_id = '{bundle}' ORDER BY case_id");
            Assert.Equal(Enumerable.Range(1, MembersPerBundle).Select(n => $"{bundle}-{n}"), members);
        }

        Assert.Empty(await sql.StringsAsync("SELECT reference FROM wf_instances GROUP BY reference HAVING COUNT(*) <> 1"));
        Assert.Equal(Bundles * (MembersPerBundle + 1), (await sql.StringsAsync("SELECT workflow_id FROM ov_cases")).Distinct().Count());

        // One line per step effect: per case, and per bundle one line per member started or finished and per output passed.
        Assert.Empty(await sql.StringsAsync("SELECT case_id || ' ' || action FROM ov_audit WHERE action IN ('submitted', 'accepted', 'decided', 'closed') GROUP BY case_id, action HAVING COUNT(*) <> 1"));
        foreach (var bundle in bundles)
        {
            Assert.Equal(MembersPerBundle, (await sql.StringsAsync($"SELECT entry_key FROM ov_audit WHERE case_id = '{bundle}' AND action = '{AuditActions.MemberStarted}'")).Count);
            Assert.Equal(MembersPerBundle, (await sql.StringsAsync($"SELECT entry_key FROM ov_audit WHERE case_id = '{bundle}' AND action = '{AuditActions.MemberFinished}'")).Count);
            Assert.Equal(
                Flows.Select(f => $"{bundle}:passed:{f.From}:{f.To}:{f.Document}").Order(StringComparer.Ordinal),
                (await sql.StringsAsync($"SELECT entry_key FROM ov_audit WHERE case_id = '{bundle}' AND action = '{AuditActions.PassedOn}'")).Order(StringComparer.Ordinal));
            foreach (var (_, to, _) in Flows)
            {
                Assert.Single(await sql.StringsAsync($"SELECT entry_key FROM ov_audit WHERE case_id = '{bundle}-{to + 1}' AND action = '{AuditActions.PassedOn}'"));
            }

            await AssertChainsAgreeAsync(sql, bundle);
        }

        // Evidence: each request recorded and audited once; a department received again only what was in flight.
        var recorded = await sql.StringsAsync("SELECT idempotency_key FROM ov_evidence_requests");
        Assert.Equal(recorded.Count, (await sql.StringsAsync($"SELECT entry_key FROM ov_audit WHERE action = '{AuditActions.EvidenceRequested}'")).Count);
        var sent = DepartmentLog.Read(departmentLog);
        Assert.Equal(recorded.Order(), sent.Select(g => g.Key).Order());
        Assert.All(sent.Where(g => g.Count() > 1), g => Assert.Contains(g.Key, inFlight));
        DepartmentLog.AssertAtMostTwice(sent);
    }

    /// <summary>
    /// The bundle's audit chain and its members' tell one story, in the order it happened: each member case was
    /// submitted after the bundle's acceptance was stored and before the bundle recorded it started, closed before the bundle recorded it finished; an output
    /// was passed on after its producer finished and with its consumer's start; the bundle closed last.
    /// </summary>
    private static async Task AssertChainsAgreeAsync(StoreSql sql, string bundle)
    {
        var seq = (await sql.StringsAsync($"SELECT entry_key || '=' || seq FROM ov_audit WHERE case_id = '{bundle}' OR case_id LIKE '{bundle}-%'"))
            .Select(s => s.Split('='))
            .ToDictionary(p => p[0], p => long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        long At(string key) => seq.TryGetValue(key, out var at) ? at : throw new Xunit.Sdk.XunitException($"no audit line {key}");

        var bundleLines = await sql.StringsAsync($"SELECT action FROM ov_audit WHERE case_id = '{bundle}' ORDER BY seq");
        Assert.Equal(AuditActions.Submitted, bundleLines[0]);
        Assert.Equal(AuditActions.Closed, bundleLines[^1]);
        for (var m = 0; m < MembersPerBundle; m++)
        {
            var member = $"{bundle}-{m + 1}";
            // The second host's officer deciding again what was decided before the kill is refused and audited as an
            // attempt (a conflict, or the case closed by then); attempts change nothing and may come after the close.
            Assert.All(await sql.StringsAsync($"SELECT actor || ' ' || detail FROM ov_audit WHERE case_id = '{member}' AND action = '{AuditActions.AttemptRefused}'"), a =>
                Assert.Matches("^officer:officer-7 (CaseConflictException|CaseClosedException): ", a));
            var memberLines = await sql.StringsAsync($"SELECT action FROM ov_audit WHERE case_id = '{member}' AND action <> '{AuditActions.AttemptRefused}' ORDER BY seq");
            Assert.Equal(AuditActions.Submitted, memberLines[0]);
            Assert.Equal(AuditActions.Closed, memberLines[^1]);
            // The acceptance is saved before any member starts (the bundle waits for its own acceptance event).
            Assert.True(At($"{bundle}:accepted") < At($"{member}:submitted"), $"{member} started before its bundle's acceptance was stored");
            Assert.True(At($"{member}:submitted") < At($"{bundle}:member:{m}:started"), $"{bundle} recorded {member} started before it was");
            Assert.True(At($"{member}:closed") < At($"{bundle}:member:{m}:finished"), $"{bundle} recorded {member} finished before it closed");
            Assert.True(At($"{bundle}:member:{m}:finished") < At($"{bundle}:closed"), $"{bundle} closed before {member} finished");
        }

        foreach (var (from, to, document) in Flows)
        {
            var passed = At($"{bundle}:passed:{from}:{to}:{document}");
            Assert.True(At($"{bundle}:member:{from}:finished") < passed, $"{document} passed on before {bundle}-{from + 1} finished");
            Assert.True(At($"{bundle}-{to + 1}:submitted") < passed && passed < At($"{bundle}:member:{to}:started"), $"{document} not passed on with {bundle}-{to + 1}'s start");
        }
    }

    /// <summary>What the bundle service shows, read by a third host: every member done, each output passed once.</summary>
    private static async Task AssertBundlesAsync(CrashStore store)
    {
        var bundles = await store.Sql.StringsAsync("SELECT case_id FROM ov_cases WHERE kind = 'bundle'");
        await using var reader = await store.StartHarnessAsync();
        foreach (var id in bundles)
        {
            var bundle = await reader.Bundles.GetAsync(id);
            Assert.Equal((CaseStage.Closed, CaseOutcome.Approved), (bundle.Stage, bundle.Outcome));
            Assert.All(bundle.Members, m => Assert.Equal(BundleMemberState.Done, m.State));
            Assert.Equal(Flows.Length, bundle.Passed.Count);
            Assert.Equal(bundle.Passed.Count, bundle.Passed.Select(p => (p.DocumentId, p.FromProcedure, p.ToProcedure)).Distinct().Count());
            Assert.All(bundle.Passed, p => Assert.Equal((p.FromCaseId, p.ToCaseId), (bundle.Members.Single(m => m.ProcedureCode == p.FromProcedure).CaseId, bundle.Members.Single(m => m.ProcedureCode == p.ToProcedure).CaseId)));
        }
    }
}

public sealed class SqliteBundleCrashTests() : BundleCrashCases(CaseStore.Sqlite);

[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresBundleCrashTests(PostgresClusterFixture postgres) : BundleCrashCases(CaseStore.PostgreSql(postgres));
