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

/// <summary>How a case ended.</summary>
public enum CaseOutcome
{
    /// <summary>Approved and delivered.</summary>
    Approved,

    /// <summary>Refused by the competent authority after review.</summary>
    Refused,

    /// <summary>Not accepted (不予受理): the applicant is not eligible, for the reasons recorded.</summary>
    NotAdmitted,

    /// <summary>The supplement did not arrive by its deadline; the application is treated as withdrawn.</summary>
    Withdrawn,
}
