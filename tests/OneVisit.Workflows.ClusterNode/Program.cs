using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Hosting;
using OneVisit.Tests.Shared;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.ClusterNode;
using OneVisit.Workflows.Hosting;
using OneVisit.Workflows.PostgreSql;
using OneVisit.Workflows.Tests.Support;

// Usage: clusternode <connection-string> <index> <nodes> <cases> <shared-keys> <department-latency-ms> <run|silent> <lock-lease-ms>
// One node of a cluster of <nodes> processes on one PostgreSQL database, named "n<index>". Case j of 0..<cases>-1 is
// submitted by node j mod <nodes> (every tenth a birth bundle); every node submits the <shared-keys> shared idempotency
// keys at the same moment, once all nodes have joined. Each node then acts as applicant, officer and intake window for
// the open cases whose id hashes to its index (or to a node no longer alive), so most events are raised on a node other
// than the one running the case. It exits 0 once every case of the run is closed.
// With "silent", the department logs requests and never answers (evidence times out after 5 s), and the node only
// submits: the timer test watches what the cluster does on its own.
// Each line must reach the test as it is written: the tests kill nodes on progress lines.
Console.SetOut(new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true });
var connectionString = args[0];
var index = Parse(args[1]);
var nodes = Parse(args[2]);
var total = Parse(args[3]);
var sharedKeys = Parse(args[4]);
var latency = TimeSpan.FromMilliseconds(Parse(args[5]));
var silent = args[6] == "silent";
var name = $"n{index}";
var lease = TimeSpan.FromMilliseconds(Parse(args[7]));

await using var database = NpgsqlDataSource.Create(connectionString);
await using (var create = database.CreateCommand(LoggedDepartment.CreateLog))
{
    try
    {
        await create.ExecuteNonQueryAsync();
    }
    catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
    {
        // Nodes started together race on IF NOT EXISTS (its catalogue check is not atomic): another node made it.
    }
}

var services = new ServiceCollection();
services.AddLogging(b => b.AddProvider(new ConsoleErrorLoggerProvider()));
services.AddOneVisit().AddCatalog(RepositoryRoot.SampleCatalogue)
    .AddWorkflows(w => w
        .UsePostgreSql(connectionString, o =>
        {
            // Short, so a killed node is taken over within seconds; the heartbeat a quarter of it.
            o.LockLease = lease;
            o.HeartbeatInterval = lease / 4;
            o.QueuePollInterval = TimeSpan.FromMilliseconds(250);
            o.NodeName = name;
        })
        .AddEvidenceProvider("*", new LoggedDepartment(database, name, latency, silent))
        .Configure(o =>
        {
            o.PollInterval = TimeSpan.FromSeconds(1);
            if (silent)
            {
                o.EvidenceTimeout = TimeSpan.FromSeconds(5);
            }
        }));
await using var provider = services.BuildServiceProvider();
await provider.GetRequiredService<CaseRuntime>().StartAsync();
Console.WriteLine("started");

// Each call as the actor who would make it: the applicant submits and supplies, a reviewer decides, intake hands out.
var cases = new RoleplayCases(provider.GetRequiredService<ICaseService>());
var bundles = new RoleplayBundles(provider.GetRequiredService<IBundleCaseService>());
var catalog = provider.GetRequiredService<ProcedureCatalog>();
string[] errands = ["03-company-name-province.yaml", "04-housing-fund-rent-withdrawal.yaml", "01-branch-registration.yaml"];
OneVisit.Rules.Precheck.PrecheckRequest Errand(string file) => ApplicationFile.Load(Path.Combine(RepositoryRoot.SampleCatalogue, "applications", file), catalog).Request!;
var birth = ApplicationFile.Load(Path.Combine(RepositoryRoot.SampleCatalogue, "applications", "05-birth-bundle.yaml"), catalog).Bundle!;

if (silent)
{
    for (var j = index; j < total; j += nodes)
    {
        await cases.SubmitAsync(new CaseSubmission { IdempotencyKey = $"silent-{j}", ApplicantId = $"applicant-{j}", Application = Errand("04-housing-fund-rent-withdrawal.yaml") });
        Console.WriteLine($"submitted {j}");
    }

    // Nothing more to do here: the test watches the database and kills this node.
    await Task.Delay(Timeout.Infinite);
}

// The shared keys at one moment: every node waits until all have joined, then submits them all at once.
await DatabaseWatch.UntilAsync<long>(
    connectionString, "SELECT count(*) FROM ov_nodes", joined => joined >= nodes, ["ov_nodes"], TimeSpan.FromMinutes(2), () => $"{name} waited for {nodes} nodes to join");

var shared = Errand("04-housing-fund-rent-withdrawal.yaml");
await Task.WhenAll(Enumerable.Range(0, sharedKeys).Select(k =>
    cases.SubmitAsync(new CaseSubmission { IdempotencyKey = $"shared-{k}", ApplicantId = $"shared-applicant-{k}", Application = shared })));
Console.WriteLine("shared submitted");

// The officers work while this node's share is still being submitted, as at an office.
var officers = Task.Run(ActAsync);
var submitted = 0;
for (var j = index; j < total; j += nodes)
{
    if (j % 10 == 9)
    {
        await bundles.SubmitAsync(new BundleSubmission { IdempotencyKey = $"bundle-{j}", ApplicantId = $"applicant-{j}", Application = birth });
    }
    else
    {
        await cases.SubmitAsync(new CaseSubmission { IdempotencyKey = $"case-{j}", ApplicantId = $"applicant-{j}", Application = Errand(errands[j % errands.Length]) });
    }

    Console.WriteLine($"submitted {++submitted}");
}

Console.WriteLine("submitted all");
await officers;
Console.WriteLine("all closed");
await provider.GetRequiredService<CaseRuntime>().StopAsync();
return 0;

// Acts on the open cases that fall to this node until every case of the run (all nodes' shares and the shared keys)
// is closed.
async Task ActAsync()
{
    // A round runs when cases or nodes changed: a case moved on, or a heartbeat (every lease/4) that lets a dead node's
    // cases be seen as this node's.
    await using var changes = await DatabaseWatch.StartAsync(connectionString, ["ov_cases", "ov_nodes"]);
    var done = new HashSet<string>(StringComparer.Ordinal);
    var (decided, supplied, pickedUp) = (0, 0, 0);
    while (true)
    {
        var alive = (await QueryAsync(
            "SELECT name FROM ov_nodes WHERE seen_at > clock_timestamp() - @lease",
            c => c.Parameters.AddWithValue("lease", lease),
            r => r.GetString(0))).ToHashSet(StringComparer.Ordinal);
        var open = await QueryAsync(
            "SELECT case_id, kind, stage FROM ov_cases WHERE closed_at IS NULL",
            _ => { },
            r => (Id: r.GetString(0), Kind: r.GetString(1), Stage: r.GetString(2)));
        if (open.Count == 0 && await ScalarAsync<long>("SELECT count(*) FROM ov_cases WHERE bundle_case_id IS NULL") >= total + sharedKeys)
        {
            return;
        }

        var mine = open.Where(c => Owner(c.Id) == index || !alive.Contains($"n{Owner(c.Id)}")).ToList();
        await Parallel.ForEachAsync(mine, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, token) =>
        {
            var step = $"{c.Id}/{c.Stage}";
            lock (done)
            {
                if (!done.Add(step))
                {
                    return;
                }
            }

            try
            {
                switch (c.Kind, c.Stage)
                {
                    case ("case", nameof(CaseStage.UnderReview)):
                        await cases.DecideAsync(c.Id, new OfficerDecision(Approved: true), token);
                        Console.WriteLine($"decided {Interlocked.Increment(ref decided)}");
                        break;
                    case ("case", nameof(CaseStage.AwaitingSupplement)):
                        await cases.SupplyDocumentsAsync(c.Id, new SuppliedDocuments([new("lease_contract"), new("branch_head_appointment")]), token);
                        Console.WriteLine($"supplied {Interlocked.Increment(ref supplied)}");
                        break;
                    case ("bundle", nameof(CaseStage.AwaitingPickup)):
                        await bundles.ConfirmPickupAsync(c.Id, token);
                        Console.WriteLine($"picked up {Interlocked.Increment(ref pickedUp)}");
                        break;
                    default:
                        lock (done)
                        {
                            // Nothing to do at this stage; looked at again when it has moved on.
                            done.Remove(step);
                        }

                        break;
                }
            }
            catch (Exception e) when (e is CaseConflictException or CaseClosedException or UnexpectedCaseEventException)
            {
                // Done by the node that owned it before that node died, or the stage read was already stale.
                Console.Error.WriteLine($"[note] {step}: {e.GetType().Name}: {e.Message}");
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                // Anything else (a database hiccup) is reported and tried again on the next round.
                Console.Error.WriteLine($"[retry] {step}: {e}");
                lock (done)
                {
                    done.Remove(step);
                }
            }
        });

        await changes.NextChangeAsync(CancellationToken.None);
    }
}

// Which node's officer acts on a case: a hash of its id that is the same in every process (string.GetHashCode is not).
int Owner(string caseId)
{
    var hash = 2166136261u;
    foreach (var c in caseId)
    {
        hash = (hash ^ c) * 16777619u;
    }

    return (int)(hash % (uint)nodes);
}

async Task<T> ScalarAsync<T>(string sql)
{
    await using var command = database.CreateCommand(sql);
    return (T)(await command.ExecuteScalarAsync())!;
}

async Task<List<T>> QueryAsync<T>(string sql, Action<NpgsqlCommand> bind, Func<NpgsqlDataReader, T> read)
{
    await using var command = database.CreateCommand(sql);
    bind(command);
    await using var reader = await command.ExecuteReaderAsync();
    var rows = new List<T>();
    while (await reader.ReadAsync())
    {
        rows.Add(read(reader));
    }

    return rows;
}

static int Parse(string value) => int.Parse(value, CultureInfo.InvariantCulture);
