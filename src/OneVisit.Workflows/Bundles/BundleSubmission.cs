using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Workflows.Bundles;

/// <summary>A joint application (一表申请) for a life-event bundle, handed in once for every member.</summary>
public sealed record BundleSubmission
{
    /// <summary>
    /// Chosen by the caller, unique per application: the same key again returns the bundle case already made;
    /// the same key with a different application is refused with <see cref="Cases.DuplicateSubmissionException"/>.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>
    /// Whom the bundle is about, as for a single case (the audit log and the visit ledger count by it): null for the
    /// signed-in applicant or the agent's principal; named by an intake officer submitting at a window.
    /// </summary>
    public string? ApplicantId { get; init; }

    /// <summary>
    /// The other parties the matter is also about, by subject id (a newborn's second parent, a co-owner, an heir), each of
    /// whom gives consent for themselves with <see cref="IBundleCaseService.ConsentAsync"/>. The applicant's own consent
    /// is recorded with the submission. Each consent is an audit line under that party's subject id, so it shows in their
    /// "who looked at my data"; parties may read the bundle case. At most 8, none the applicant.
    /// </summary>
    public IReadOnlyList<string> Parties { get; init; } = [];

    /// <summary>The joint application: the bundle, the joint form's facts, documents held, members left out, the window.</summary>
    public required BundlePrecheckRequest Application { get; init; }

    /// <summary>
    /// How the applicant wants the results of a bundle that delivers once: used when every member that issues a
    /// result offers it; otherwise the first way every member offers, and pickup at the bundle's window last.
    /// </summary>
    public ResultDelivery? PreferredDelivery { get; init; }
}
