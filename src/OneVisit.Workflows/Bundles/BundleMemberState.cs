namespace OneVisit.Workflows.Bundles;

/// <summary>Where one member of a bundle case stands.</summary>
public enum BundleMemberState
{
    /// <summary>Starts once the bundle case is accepted (its one notice is still open).</summary>
    Pending,

    /// <summary>Waits for another member's output (see <see cref="BundleMemberStatus.WaitsFor"/>); its case does not exist yet.</summary>
    CannotStartYet,

    /// <summary>Its case is with its competent authority (fetching documents, under review).</summary>
    Running,

    /// <summary>Its case waits for the applicant or for a department that answered "later".</summary>
    Waiting,

    /// <summary>Approved: its output is issued (and passed on to the members that need it).</summary>
    Done,

    /// <summary>Refused, not admitted or withdrawn; the bundle's rule for a refused member applied.</summary>
    Refused,

    /// <summary>Never started: a member it depends on was refused and the bundle's rule stops its dependents.</summary>
    Stopped,

    /// <summary>Not part of this application: its condition does not hold for the situation, or the applicant left it out.</summary>
    NotIncluded,
}
