using Microsoft.Extensions.Time.Testing;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;

namespace OneVisit.Cli.Demo;

/// <summary>
/// Runs the newborn's joint application as one bundle case on the demo's runtime. As for the errands, the replay
/// waits for the bundle to come to rest before each officer acts and before the clock moves on, so members start,
/// fetch and pass documents on by themselves and no timer fires before the story reaches its time.
/// </summary>
internal sealed class NewbornRun(ProcedureCatalog catalog, string catalogue, FakeTimeProvider clock, Action<string> progress, TimeSpan stepTimeout)
{
    public async Task<NewbornResult> RunAsync(IBundleCaseService bundles, ICaseService cases, PrecheckEngine precheck, IAuditLog audit, CancellationToken cancellationToken)
    {
        var application = Application();
        var atHome = precheck.CheckBundle(application);
        MoveTo(Newborn.Morning);
        progress("newborn: the mother hands in the joint application at the hospital's desk");
        var mother = CaseActor.Applicant(Newborn.ApplicantId);
        var submitted = await bundles.As(mother).SubmitAsync(new BundleSubmission { IdempotencyKey = "demo-newborn-5", Application = application }, cancellationToken).ConfigureAwait(false);
        var id = submitted.BundleCaseId;
        // The desk's officer holds the lead authority's intake post: they record the trip and hand every result over.
        var desk = CaseActor.Officer("demo-desk-officer", new OfficerPost(submitted.LeadAuthorityId, OfficerRole.IntakeWindow));
        await bundles.As(desk).RecordVisitAsync(id, new VisitMade(Newborn.HandIn, application.WindowId), cancellationToken).ConfigureAwait(false);

        var bundle = await ApproveMembersAsync(bundles, cases, id, atHome, cancellationToken).ConfigureAwait(false);
        if (bundle.Stage == CaseStage.AwaitingPickup)
        {
            MoveTo(new DateTimeOffset(Newborn.Morning.Date + Newborn.PickupAt, Newborn.Morning.Offset));
            progress("newborn: the family picks up every result at once");
            await bundles.As(desk).ConfirmPickupAsync(id, cancellationToken).ConfigureAwait(false);
        }

        var closed = await bundles.As(CaseActor.System).WaitUntilAsync(id, b => b.IsClosed, stepTimeout, cancellationToken).ConfigureAwait(false);
        return new NewbornResult(atHome, closed, await audit.ForCaseAsync(id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Each member's officer approves it once it is under review, one at a time, half an hour after the last: the
    /// members that wait for another's output start only when it is issued, so the order is the runtime's.
    /// </summary>
    private async Task<BundleCaseSnapshot> ApproveMembersAsync(IBundleCaseService bundles, ICaseService cases, string id, BundlePrecheckResult atHome, CancellationToken cancellationToken)
    {
        var at = Newborn.Morning;
        while (true)
        {
            var bundle = await bundles.As(CaseActor.System).WaitUntilAsync(id, AtRest, stepTimeout, cancellationToken).ConfigureAwait(false);
            if (bundle.Stage is CaseStage.AwaitingPickup or CaseStage.Closed)
            {
                return bundle;
            }

            var member = bundle.Members.First(m => m.CaseStage == CaseStage.UnderReview);
            at += Newborn.OfficerTakesUp;
            MoveTo(at);
            progress($"newborn: {member.AuthorityId} approves {member.ProcedureCode}");
            var reviewer = CaseActor.Officer("demo-officer-" + member.AuthorityId, new OfficerPost(member.AuthorityId!, OfficerRole.Reviewer));
            await cases.As(reviewer).DecideAsync(member.CaseId!, new OfficerDecision(Approved: true), cancellationToken).ConfigureAwait(false);
            // The bundle takes the member's result in and passes it on to the members going ahead before the clock moves on.
            var code = member.ProcedureCode;
            var receivers = atHome.Bundle.Flows.Where(f => f.FromProcedure == code && atHome.GoingAhead.Any(m => m.Procedure.Code == f.ToProcedure)).Select(f => f.ToProcedure).ToList();
            await bundles.As(CaseActor.System).WaitUntilAsync(
                id,
                b => b.Members.Single(m => m.ProcedureCode == code).State != BundleMemberState.Running && receivers.TrueForAll(to => b.Passed.Any(p => p.FromProcedure == code && p.ToProcedure == to)),
                stepTimeout,
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waiting for an officer or the family, or finished: every running member is under review (none fetching
    /// documents), at least one is, and no member whose inputs all arrived is still to be started.
    /// </summary>
    private static bool AtRest(BundleCaseSnapshot bundle) =>
        bundle.Stage is CaseStage.AwaitingPickup or CaseStage.Closed
        || (bundle.Stage == CaseStage.Accepted
            && bundle.Members.Any(m => m.CaseStage == CaseStage.UnderReview)
            && bundle.Members.All(m => m.State switch
            {
                BundleMemberState.Running => m.CaseStage is CaseStage.UnderReview,
                BundleMemberState.CannotStartYet => m.WaitsFor.Count > 0,
                BundleMemberState.Pending => false,
                _ => true,
            }));

    private void MoveTo(DateTimeOffset at)
    {
        // The clock only moves forward: the newborn's 2019 comes after the errands' 2017.
        if (at > clock.GetUtcNow())
        {
            clock.SetUtcNow(at);
        }
    }

    private BundlePrecheckRequest Application()
    {
        var path = Path.Combine(catalogue, "applications", Newborn.ApplicationFile);
        var loaded = ApplicationFile.Load(path, catalog);
        return loaded.Bundle ?? throw new InvalidOperationException(
            $"The demo's joint application {path} does not load: {string.Join("; ", loaded.Diagnostics)}. Run 'onevisit lint {catalogue}'.");
    }
}
