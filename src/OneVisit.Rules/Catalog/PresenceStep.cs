using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Catalog;

/// <summary>Why a step needs the applicant in person. Visits are computed from these, not declared.</summary>
public enum PresenceReason
{
    /// <summary>Identity must be checked face to face.</summary>
    IdentityCheck,

    /// <summary>Originals must be inspected.</summary>
    Originals,

    /// <summary>Something (a vehicle, a site) must be inspected.</summary>
    Inspection,

    /// <summary>A signature must be given in person.</summary>
    Signature,

    /// <summary>A photo or biometrics must be taken.</summary>
    Photo,

    /// <summary>The result must be collected.</summary>
    Pickup,

    /// <summary>
    /// The application itself is handed in in person. Implied when the procedure offers no remote channel (online,
    /// mobile, mail) or the applicant applies at a window; a presence step may also say so for some situations.
    /// </summary>
    HandIn,
}

/// <summary>A way to do a presence step without coming in, and when it is available.</summary>
/// <param name="Description">What the alternative is.</param>
/// <param name="When">When it is available; always when null.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record RemoteAlternative(LocalizedText Description, PolicyCondition? When, SourceLocation Location);

/// <summary>A step that needs the applicant in person, and why.</summary>
/// <param name="Id">Unique within the procedure.</param>
/// <param name="Reason">Why presence is needed.</param>
/// <param name="When">When the step applies; always when null.</param>
/// <param name="Why">The explanation shown to the applicant.</param>
/// <param name="RemoteAlternative">A way to avoid the trip, if any.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record PresenceStep(string Id, PresenceReason Reason, PolicyCondition? When, LocalizedText? Why, RemoteAlternative? RemoteAlternative, SourceLocation Location)
{
    /// <summary>The party who must be there (each spouse signs); null when it is the applicant, or the procedure has no parties.</summary>
    public string? Party { get; init; }
}
