using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Bundles;

/// <summary>
/// Runs life-event bundles (一件事) as durable cases: one submission and one acceptance for every member, a member
/// case per included procedure started as soon as the outputs it needs exist, outputs passed from one member to
/// the next without the applicant carrying them, and one delivery. Member cases are ordinary cases: their
/// departments answer and their officers decide through <see cref="ICaseService"/>.
/// </summary>
public interface IBundleCaseService
{
    /// <summary>
    /// The same service acting as <paramref name="actor"/> on every call (see <see cref="ICaseService.As"/>); without
    /// it, calls act as the host's signed-in actor. Who may do what is in docs/security.md.
    /// </summary>
    IBundleCaseService As(Actors.CaseActor actor);

    /// <summary>
    /// Prechecks the joint application and starts its bundle case. Throws
    /// <see cref="Rules.Precheck.InvalidApplicationException"/> for an unknown bundle, window, fact or document,
    /// <see cref="IncompleteApplicationException"/> while a member's inclusion, routing or eligibility still depends
    /// on unanswered questions, and <see cref="DuplicateSubmissionException"/> for a reused key.
    /// </summary>
    Task<BundleCaseSnapshot> SubmitAsync(BundleSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>The bundle case as it stands, with each member's; <see cref="CaseNotFoundException"/> for an unknown id.</summary>
    Task<BundleCaseSnapshot> GetAsync(string bundleCaseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// One of the other parties the application names (<see cref="BundleSubmission.Parties"/>) gives consent, for
    /// themselves: the acting applicant must be that party. Recorded once per party (again adds nothing), as an audit
    /// line under the party's subject id; <see cref="BundleCaseSnapshot.Consents"/> shows who has consented.
    /// </summary>
    Task ConsentAsync(string bundleCaseId, CancellationToken cancellationToken = default);

    /// <summary>The applicant supplies what the bundle's one notice listed (before acceptance).</summary>
    Task SupplyDocumentsAsync(string bundleCaseId, SuppliedDocuments documents, CancellationToken cancellationToken = default);

    /// <summary>The applicant came to an office for the bundle (recorded in the visit ledger under the bundle case).</summary>
    Task RecordVisitAsync(string bundleCaseId, VisitMade visit, CancellationToken cancellationToken = default);

    /// <summary>The applicant picked up the bundle's results at its one window: a visit, unless made the same day as one already recorded.</summary>
    Task ConfirmPickupAsync(string bundleCaseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until the bundle case satisfies <paramref name="condition"/> and returns it as it then stands; woken by
    /// each save this host makes of the bundle case. Throws <see cref="TimeoutException"/> after
    /// <paramref name="timeout"/>, saying where the bundle stands.
    /// </summary>
    Task<BundleCaseSnapshot> WaitUntilAsync(string bundleCaseId, Func<BundleCaseSnapshot, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default);
}
