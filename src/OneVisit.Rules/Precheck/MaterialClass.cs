namespace OneVisit.Rules.Precheck;

/// <summary>
/// Who a material comes from, grouping its <see cref="MaterialStatus"/>: what the applicant still supplies, holds or
/// promises, and what the office fetches or prepares itself. See <see cref="MaterialResult.Class"/>.
/// </summary>
public enum MaterialClass
{
    /// <summary>Not required in this situation.</summary>
    NotRequired,

    /// <summary>Whether it is required or spared waits for an open question.</summary>
    Undecided,

    /// <summary>The applicant still has to supply it: missing, outdated, or accepted now and supplied later.</summary>
    ToSupply,

    /// <summary>The applicant holds it (as is, or in an older edition that is converted).</summary>
    Held,

    /// <summary>A signed commitment stands for it.</summary>
    Commitment,

    /// <summary>Fetched from another department (data sharing, an e-licence, the integrator's own data).</summary>
    FromDepartments,

    /// <summary>The office prepares it itself: neither submitted by the applicant nor fetched from a department.</summary>
    Generated,
}
