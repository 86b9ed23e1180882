using OneVisit.Workflows.Actors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.DependencyInjection;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Hosting;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Hosting;

namespace OneVisit.Benchmarks.Cases;

/// <summary>
/// The birth bundle (出生一件事, 330100-YJS-0001, application 05) run as a bundle case against its four members run as
/// four single cases, <see cref="Matters"/> matters per operation with at most <see cref="InFlight"/> at once; the
/// reported time is per matter (<c>OperationsPerInvoke</c>), so cases/s = 4 × 1 s / Mean. The baseline submits
/// the members one after the other in the bundle's order, each with the same answers and documents plus what the
/// members before it issued (held, as the applicant carrying it would), waits for review, decides as an officer
/// and waits for the close; the bundle case is submitted once and each member is decided as it reaches review,
/// until the bundle closes. Results go out as each way delivers them by default: the single cases of 0005 and 0006
/// wait for a pickup at their office (two pickups confirmed), 0007 and 0008 are delivered online and by mail; the
/// bundle hands every result out at once at its window (no way is common to all four members), one pickup
/// confirmed. Simulated departments answer at once; the system clock; a fresh host and SQLite file per
/// iteration, started outside the measured time.
/// </summary>
[MemoryDiagnoser]
// As CaseThroughputBenchmarks: one long operation per iteration with its own setup, ten warm-ups for tiered JIT.
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 10, iterationCount: 10, invocationCount: 1)]
public class BundleCaseThroughputBenchmarks
{
    public const int Matters = 100;
    public const int InFlight = 16;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private ServiceProvider? _provider;
    private string? _directory;
    private BundlePrecheckRequest _bundle = null!;
    private PrecheckRequest[] _members = null!;
    private int _iteration;

    [GlobalSetup]
    public void Setup()
    {
        var directory = SampleCatalogue.Directory;
        var catalog = CatalogLoader.Load(directory).GetCatalogOrThrow();
        var file = ApplicationFile.Load(Path.Combine(directory, "applications", "05-birth-bundle.yaml"), catalog);
        _bundle = file.Bundle ?? throw new InvalidOperationException(string.Join("; ", file.Diagnostics));
        var result = new PrecheckEngine(catalog).CheckBundle(_bundle);

        // As BundlePrecheckBenchmarks builds each member's single request: the joint form's answers, the documents
        // held, what the members before it issue and the yes/no facts their results settle.
        var goingAhead = result.GoingAhead.Select(m => m.Procedure.Code).ToHashSet(StringComparer.Ordinal);
        _members = [.. result.GoingAhead.Select(m => new PrecheckRequest
        {
            ProcedureCode = m.Procedure.Code,
            AsOf = _bundle.AsOf,
            WindowId = _bundle.WindowId,
            Facts = Settled(_bundle.Facts, result.Bundle.FlowsInto(m.Procedure.Code).Where(f => goingAhead.Contains(f.FromProcedure)).SelectMany(f => f.Settles)),
            Documents = [.. _bundle.Documents, .. m.Result!.Materials.Select(x => x.Held).OfType<HeldDocument>().Where(h => !_bundle.Documents.Contains(h)).Distinct()],
        })];
        if (_members.Length != 4)
        {
            throw new InvalidOperationException($"The birth bundle application should have four members going ahead, not {_members.Length}.");
        }
    }

    [IterationSetup]
    public void Start()
    {
        _directory = Directory.CreateTempSubdirectory("onevisit-bench-bundle-").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOneVisit()
            .AddCatalog(SampleCatalogue.Directory)
            .AddWorkflows(w => w.UseSqlite($"Data Source={Path.Combine(_directory, "cases.db")}").UseSimulatedDepartments());
        _provider = services.BuildServiceProvider();
        _provider.GetRequiredService<CaseRuntime>().StartAsync().GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void Stop()
    {
        var provider = _provider!;
        provider.GetRequiredService<CaseRuntime>().StopAsync().GetAwaiter().GetResult();
        provider.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory!, recursive: true);
        }
        catch (IOException)
        {
            // A file still held on a slow shutdown; the temp folder is the OS's to clean.
        }
    }

    /// <summary>The baseline: the four members as four single cases, one after the other, as the applicant would go from department to department (and pick up at each that hands its result out).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Matters)]
    public Task FourSingleCases() => RunAsync(async key =>
    {
        var (cases, applicant, reads) = Actors(key);
        for (var m = 0; m < _members.Length; m++)
        {
            var request = _members[m];
            var submitted = await cases.As(applicant).SubmitAsync(new CaseSubmission { IdempotencyKey = $"{key}-{m}", Application = request }).ConfigureAwait(false);
            var review = await reads.WaitUntilAsync(submitted.CaseId, s => s.Stage is CaseStage.UnderReview or CaseStage.Closed, Timeout).ConfigureAwait(false);
            if (review.Stage != CaseStage.UnderReview)
            {
                throw new InvalidOperationException($"{request.ProcedureCode} did not reach review: {review.Outcome} {review.OutcomeReason}");
            }

            await cases.As(Reviewer(review.AuthorityId)).DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true)).ConfigureAwait(false);
            var decided = await reads.WaitUntilAsync(submitted.CaseId, s => s.Stage is CaseStage.Closed or CaseStage.AwaitingPickup, Timeout).ConfigureAwait(false);
            if (decided.Stage == CaseStage.AwaitingPickup)
            {
                await cases.As(Intake(review.AuthorityId)).ConfirmPickupAsync(submitted.CaseId).ConfigureAwait(false);
                await reads.WaitUntilAsync(submitted.CaseId, s => s.IsClosed, Timeout).ConfigureAwait(false);
            }
        }
    });

    /// <summary>The same four procedures as one bundle case: one submission, each member decided as it reaches review.</summary>
    [Benchmark(OperationsPerInvoke = Matters)]
    public Task BirthBundleCase() => RunAsync(async key =>
    {
        var bundles = _provider!.GetRequiredService<IBundleCaseService>();
        var (cases, applicant, reads) = Actors(key);
        var bundleReads = bundles.As(CaseActor.System);
        var submitted = await bundles.As(applicant).SubmitAsync(new BundleSubmission { IdempotencyKey = key, Application = _bundle }).ConfigureAwait(false);
        var desk = bundles.As(Intake(submitted.LeadAuthorityId));
        var decided = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var state = await bundleReads.WaitUntilAsync(
                submitted.BundleCaseId,
                b => b.Stage is CaseStage.Closed or CaseStage.AwaitingPickup || b.Members.Any(m => m.CaseStage == CaseStage.UnderReview && !decided.Contains(m.CaseId!)),
                Timeout).ConfigureAwait(false);
            if (state.Stage == CaseStage.Closed)
            {
                if (state.Outcome != CaseOutcome.Approved || decided.Count != 4)
                {
                    throw new InvalidOperationException($"The bundle closed {state.Outcome} after {decided.Count} decisions: {state.OutcomeReason}");
                }

                return;
            }

            if (state.Stage == CaseStage.AwaitingPickup)
            {
                await desk.ConfirmPickupAsync(submitted.BundleCaseId).ConfigureAwait(false);
                await bundleReads.WaitUntilAsync(submitted.BundleCaseId, b => b.IsClosed, Timeout).ConfigureAwait(false);
                continue;
            }

            foreach (var member in state.Members.Where(m => m.CaseStage == CaseStage.UnderReview && decided.Add(m.CaseId!)))
            {
                await cases.As(Reviewer(member.AuthorityId!)).DecideAsync(member.CaseId!, new OfficerDecision(Approved: true)).ConfigureAwait(false);
            }
        }
    });

    /// <summary>
    /// Diagnostic: the same bundle case, but the benchmark waits on each member case through <c>ICaseService</c>
    /// (as an officer's inbox would) and on the bundle only for a member to start and for the delivery, so the
    /// difference to <see cref="BirthBundleCase"/> is what waiting through the bundle's snapshot costs.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Matters)]
    public Task BirthBundleCaseWaitingOnMembers() => RunAsync(async key =>
    {
        var bundles = _provider!.GetRequiredService<IBundleCaseService>();
        var (cases, applicant, reads) = Actors(key);
        var bundleReads = bundles.As(CaseActor.System);
        var submitted = await bundles.As(applicant).SubmitAsync(new BundleSubmission { IdempotencyKey = key, Application = _bundle }).ConfigureAwait(false);
        var desk = bundles.As(Intake(submitted.LeadAuthorityId));

        // Members in the order they can start: the certificate and the card at once, then the hukou, then insurance.
        foreach (var code in new[] { "330100-SC-0005", "330100-SC-0008", "330100-SC-0006", "330100-SC-0007" })
        {
            var member = submitted.Members.Single(m => m.ProcedureCode == code);
            await bundleReads.WaitUntilAsync(submitted.BundleCaseId, b => b.Members.Single(m => m.ProcedureCode == code).CaseStage is not null, Timeout).ConfigureAwait(false);
            var review = await reads.WaitUntilAsync(member.CaseId!, s => s.Stage == CaseStage.UnderReview, Timeout).ConfigureAwait(false);
            await cases.As(Reviewer(review.AuthorityId)).DecideAsync(member.CaseId!, new OfficerDecision(Approved: true)).ConfigureAwait(false);
        }

        var ready = await bundleReads.WaitUntilAsync(submitted.BundleCaseId, b => b.Stage is CaseStage.Closed or CaseStage.AwaitingPickup, Timeout).ConfigureAwait(false);
        if (ready.Stage == CaseStage.AwaitingPickup)
        {
            await desk.ConfirmPickupAsync(submitted.BundleCaseId).ConfigureAwait(false);
            await bundleReads.WaitUntilAsync(submitted.BundleCaseId, b => b.IsClosed, Timeout).ConfigureAwait(false);
        }
    });

    private Task RunAsync(Func<string, Task> runMatter)
    {
        var prefix = $"i{Interlocked.Increment(ref _iteration)}-";
        return CaseLoad.RunAsync(Matters, InFlight, i => runMatter(prefix + i));
    }

    private static Dictionary<string, object?> Settled(IReadOnlyDictionary<string, object?> answers, IEnumerable<string> settled)
    {
        var facts = new Dictionary<string, object?>(answers, StringComparer.Ordinal);
        foreach (var path in settled)
        {
            facts[path] = true;
        }

        return facts;
    }

    /// <summary>The case service, the matter's applicant, and the service as the host's processing (for waits).</summary>
    private (ICaseService Cases, CaseActor Applicant, ICaseService Reads) Actors(string key)
    {
        var cases = _provider!.GetRequiredService<ICaseService>();
        return (cases, CaseActor.Applicant("applicant-" + key), cases.As(CaseActor.System));
    }

    private static CaseActor Reviewer(string authorityId) => CaseActor.Officer("bench-officer", new OfficerPost(authorityId, OfficerRole.Reviewer));

    private static CaseActor Intake(string authorityId) => CaseActor.Officer("bench-desk", new OfficerPost(authorityId, OfficerRole.IntakeWindow));
}
