namespace OneVisit.Rules.Precheck;

/// <summary>What a precheck tells the applicant before they leave home.</summary>
public enum Verdict
{
    /// <summary>Can be done entirely online: zero visits.</summary>
    Online,

    /// <summary>Can be done with one visit.</summary>
    OneVisit,

    /// <summary>Not yet: something stands in the way (a missing material, ineligibility, an open question).</summary>
    NotYet,

    /// <summary>
    /// Everything is in order, but the procedure as written needs more than one trip (e.g. a pickup on another
    /// day). The promise is broken by the catalogue, not by the applicant: policy staff should look at it.
    /// </summary>
    MultipleVisits,
}
