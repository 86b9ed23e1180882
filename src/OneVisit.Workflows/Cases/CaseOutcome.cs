namespace OneVisit.Workflows.Cases;

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

    /// <summary>A bundle case whose members ended differently: some approved, some refused or stopped (see its members).</summary>
    PartlyApproved,
}
