using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneVisit.Cli.Common;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Hosting;

namespace OneVisit.Cli.Demo;

/// <summary>
/// Replays the founding errands through the case runtime on SQLite, with simulated departments and a simulated
/// clock. The people's actions are merged into one timeline, as on the mayor's morning; before each action and
/// before the clock moves on, the replay waits for the case to come to rest, so a timer can only fire when the
/// story has reached its time.
/// </summary>
internal sealed class DemoRun(ProcedureCatalog catalog, string catalogue, string database, TimeZoneInfo zone, TextWriter errors, Action<string> progress)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    public async Task<DemoResults> RunAsync(CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(FoundingErrands.Morning);
        clock.SetLocalTimeZone(zone);
        await using var services = CaseServices.Build(catalog, catalogue, w => w.UseSqlite(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = database }.ToString()), clock, errors, w => w.UseSimulatedDepartments());
        var runtime = services.GetRequiredService<CaseRuntime>();
        progress("starting the case runtime");
        await runtime.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The demo acts for everyone in the story, each as who they are: the applicant submits and supplies, the
            // window's officer records visits and hands results over, a reviewer of the competent authority decides, and
            // the demo's own reads go as the host's processing (CaseActor.System).
            var cases = services.GetRequiredService<ICaseService>();
            var precheck = services.GetRequiredService<PrecheckEngine>();
            var runs = FoundingErrands.All.Select(e => new ErrandState(e, Application(e), precheck)).ToList();
            var timeline = runs
                .SelectMany(run => run.Errand.Script.Select(action => (Run: run, Action: action)))
                .OrderBy(step => step.Action.At)
                .ThenBy(step => step.Run.Errand.Number);
            foreach (var (run, action) in timeline)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var at = FoundingErrands.Morning + action.At;
                if (at > clock.GetUtcNow())
                {
                    clock.SetUtcNow(at);
                }

                progress($"{Cases.CaseLabels.English.ShortTime(at, zone)} errand {run.Errand.Number}: {action.Says}");
                await ActAsync(cases, run, action, cancellationToken).ConfigureAwait(false);
            }

            var audit = services.GetRequiredService<IAuditLog>().As(CaseActor.System);
            var results = new List<ErrandResult>();
            foreach (var run in runs)
            {
                var closed = await cases.As(CaseActor.System).WaitUntilAsync(run.CaseId!, s => s.IsClosed, StepTimeout, cancellationToken).ConfigureAwait(false);
                results.Add(new ErrandResult(run.Errand, run.Precheck, closed, await audit.ForCaseAsync(closed.CaseId, cancellationToken).ConfigureAwait(false)));
            }

            // The fifth act, two years on: the errands are closed, so moving the clock to 2019 fires nothing of theirs.
            var newborn = await new NewbornRun(catalog, catalogue, clock, progress, StepTimeout)
                .RunAsync(services.GetRequiredService<IBundleCaseService>(), cases, precheck, audit, cancellationToken).ConfigureAwait(false);
            return new DemoResults(results, newborn);
        }
        finally
        {
            progress("stopping the case runtime");
            await runtime.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private PrecheckRequest Application(Errand errand)
    {
        var path = Path.Combine(catalogue, "applications", errand.ApplicationFile);
        var loaded = ApplicationFile.Load(path, catalog);
        return loaded.Request ?? throw new InvalidOperationException(
            $"The demo's application {path} does not load: {string.Join("; ", loaded.Diagnostics)}. Run 'onevisit lint {catalogue}'.");
    }

    private static async Task ActAsync(ICaseService cases, ErrandState run, ScriptedAction action, CancellationToken cancellationToken)
    {
        // The stage the action answers: the case has not taken the action in until it has left it.
        CaseStage? answered = null;
        switch (action)
        {
            case Submit submit:
                // The applicant is the signed-in actor: the submission does not name them.
                var submitted = await cases.As(run.Applicant).SubmitAsync(
                    new CaseSubmission { IdempotencyKey = $"demo-errand-{run.Errand.Number}", Application = run.Request },
                    cancellationToken).ConfigureAwait(false);
                run.CaseId = submitted.CaseId;
                run.AuthorityId = submitted.AuthorityId;
                if (submit.VisitPurpose is { } purpose)
                {
                    await cases.As(run.WindowOfficer).RecordVisitAsync(submitted.CaseId, new VisitMade(purpose, run.Request.WindowId), cancellationToken).ConfigureAwait(false);
                }

                break;
            case Supply supply:
                await RestAsync(cases, run, CaseStage.AwaitingSupplement, cancellationToken).ConfigureAwait(false);
                await cases.As(run.Applicant).SupplyDocumentsAsync(run.CaseId!, new SuppliedDocuments(supply.Documents), cancellationToken).ConfigureAwait(false);
                answered = CaseStage.AwaitingSupplement;
                break;
            case Visit visit:
                await cases.As(run.WindowOfficer).RecordVisitAsync(run.CaseId!, new VisitMade(visit.Purpose, visit.WindowId), cancellationToken).ConfigureAwait(false);
                break;
            case Decide:
                var review = await RestAsync(cases, run, CaseStage.UnderReview, cancellationToken).ConfigureAwait(false);
                var reviewer = CaseActor.Officer($"demo-officer-{run.Errand.Number}", new OfficerPost(review.AuthorityId, OfficerRole.Reviewer));
                await cases.As(reviewer).DecideAsync(run.CaseId!, new OfficerDecision(Approved: true), cancellationToken).ConfigureAwait(false);
                answered = CaseStage.UnderReview;
                break;
            case WrongDecider wrong:
                await RestAsync(cases, run, CaseStage.UnderReview, cancellationToken).ConfigureAwait(false);
                var outsider = CaseActor.Officer($"demo-officer-{wrong.AuthorityId}", new OfficerPost(wrong.AuthorityId, OfficerRole.Reviewer));
                try
                {
                    await cases.As(outsider).DecideAsync(run.CaseId!, new OfficerDecision(Approved: true), cancellationToken).ConfigureAwait(false);
                    throw new InvalidOperationException($"Errand {run.Errand.Number}: an officer of {wrong.AuthorityId} was allowed to decide case {run.CaseId}; the demo's script expects a refusal.");
                }
                catch (AccessDeniedException)
                {
                    // The point of the scene: the trail shows the refused attempt, and the case still waits for the province.
                }

                break;
            case Pickup:
                await RestAsync(cases, run, CaseStage.AwaitingPickup, cancellationToken).ConfigureAwait(false);
                await cases.As(run.WindowOfficer).ConfirmPickupAsync(run.CaseId!, cancellationToken).ConfigureAwait(false);
                answered = CaseStage.AwaitingPickup;
                break;
        }

        // Let the case finish what the action set off before the clock moves on.
        await cases.As(CaseActor.System).WaitUntilAsync(run.CaseId!, s => AtRest(s) && s.Stage != answered, StepTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for the stage the next action needs, saying what went wrong if the case went elsewhere.</summary>
    private static async Task<CaseSnapshot> RestAsync(ICaseService cases, ErrandState run, CaseStage needed, CancellationToken cancellationToken)
    {
        var snapshot = await cases.As(CaseActor.System).WaitUntilAsync(run.CaseId!, AtRest, StepTimeout, cancellationToken).ConfigureAwait(false);
        if (snapshot.Stage != needed)
        {
            throw new InvalidOperationException(
                $"Errand {run.Errand.Number}'s case {snapshot.CaseId} is {snapshot.Stage}, not {needed} as the demo's script expects"
                + (snapshot.OutcomeReason is { } reason ? $" ({reason})" : "") + ". Has the sample catalogue changed? Run 'onevisit cases show " + snapshot.CaseId + "'.");
        }

        return snapshot;
    }

    /// <summary>Waiting for a person, or finished; not in the middle of steps or evidence requests.</summary>
    private static bool AtRest(CaseSnapshot snapshot) =>
        snapshot.Stage is CaseStage.AwaitingSupplement or CaseStage.UnderReview or CaseStage.AwaitingPickup or CaseStage.Closed
        && !snapshot.Awaiting.Any(a => a.Kind == "evidence");

    private sealed class ErrandState(Errand errand, PrecheckRequest request, PrecheckEngine precheck)
    {
        public Errand Errand { get; } = errand;

        public PrecheckRequest Request { get; } = request;

        /// <summary>What the applicant sees at home, before applying.</summary>
        public PrecheckResult Precheck { get; } = precheck.Check(request);

        public string? CaseId { get; set; }

        /// <summary>The case's competent authority, once submitted.</summary>
        public string? AuthorityId { get; set; }

        /// <summary>The applicant, signed in as themselves.</summary>
        public CaseActor Applicant { get; } = CaseActor.Applicant($"demo-applicant-{errand.Number}");

        /// <summary>
        /// The officer at the window the application names (else the competent authority's), who records the applicant's
        /// trips and hands the result over: an intake post at the authority that window belongs to.
        /// </summary>
        public CaseActor WindowOfficer => CaseActor.Officer(
            $"demo-window-{Errand.Number}",
            new OfficerPost(precheck.Catalog.Authorities.Values.FirstOrDefault(a => a.Windows.Any(w => w.Id == Request.WindowId))?.Id ?? AuthorityId!, OfficerRole.IntakeWindow));
    }
}

/// <summary>How one errand went in the replay.</summary>
internal sealed record ErrandResult(Errand Errand, PrecheckResult Precheck, CaseSnapshot Case, IReadOnlyList<AuditEntry> Steps)
{
    public TimeSpan TimeToResult => Case.ClosedAt is { } closed ? closed - Case.SubmittedAt : TimeSpan.Zero;
}
