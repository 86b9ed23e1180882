namespace OneVisit.Rules.Precheck;

/// <summary>Where a required material stands for one application.</summary>
public enum MaterialStatus
{
    /// <summary>Held by the applicant and valid.</summary>
    Held,

    /// <summary>Held in an older form version whose fields are converted to the current one.</summary>
    Converted,

    /// <summary>Held in a form version that is no longer accepted.</summary>
    Outdated,

    /// <summary>The government fetches it from the issuing department (data sharing).</summary>
    Fetched,

    /// <summary>An e-licence stands for it.</summary>
    ELicence,

    /// <summary>A signed commitment replaces it.</summary>
    Commitment,

    /// <summary>Accepted now and supplied later by a deadline.</summary>
    AcceptWithGap,

    /// <summary>
    /// The office generates it itself (issuer <c>government</c>): a form prefilled in the current edition for the
    /// applicant to sign, an inspection record. Nothing to bring, and no edition to get wrong.
    /// </summary>
    Generated,

    /// <summary>Missing: the applicant must supply it.</summary>
    Missing,

    /// <summary>Not required in this situation.</summary>
    NotRequired,

    /// <summary>Whether it is required, or how it can be spared, depends on an unanswered question.</summary>
    Undecided,

    /// <summary>
    /// Within a bundle: another member's result, passed on by the department that issues it (一件事: the citizen does
    /// not carry it). <see cref="MaterialResult.Held"/> names the member in <see cref="HeldDocument.PassedOnBy"/>.
    /// </summary>
    PassedOn,
}
