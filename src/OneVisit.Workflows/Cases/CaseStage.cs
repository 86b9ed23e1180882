namespace OneVisit.Workflows.Cases;

/// <summary>Where a case is.</summary>
public enum CaseStage
{
    /// <summary>Handed in; the precheck runs.</summary>
    Submitted,

    /// <summary>The one-time deficiency notice went out; waiting for the applicant's supplement.</summary>
    AwaitingSupplement,

    /// <summary>Accepted (受理): the statutory clock runs.</summary>
    Accepted,

    /// <summary>Documents are being fetched from the departments that issue them.</summary>
    FetchingEvidence,

    /// <summary>With an officer of the competent authority, waiting for a decision.</summary>
    UnderReview,

    /// <summary>Decided in the applicant's favour; the result waits to be picked up (a visit).</summary>
    AwaitingPickup,

    /// <summary>Finished; see <see cref="CaseSnapshot.Outcome"/>.</summary>
    Closed,
}
