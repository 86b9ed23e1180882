namespace OneVisit.Rules.Precheck;

/// <summary>What a precheck tells the applicant before they leave home.</summary>
public enum Verdict
{
    /// <summary>Can be done entirely online: zero visits.</summary>
    Online,

    /// <summary>Can be done with one visit.</summary>
    OneVisit,

    /// <summary>
    /// Not yet: something the applicant can still supply or answer stands in the way (a missing or outdated material,
    /// an open question, eligibility that depends on one). <see cref="PrecheckResult.Obstacles"/> says what.
    /// </summary>
    NotYet,

    /// <summary>
    /// Everything is in order, but the procedure as written needs more than one trip (e.g. a pickup on another
    /// day). The promise is broken by the catalogue, not by the applicant: policy staff should look at it.
    /// </summary>
    MultipleVisits,

    /// <summary>
    /// Not eligible: an acceptance condition or eligibility rule (or a custom rule) refuses the application on the
    /// facts given. A final answer, not a gap to fill: <see cref="PrecheckResult.Refusals"/> gives each refusal with
    /// its legal basis, and no deficiency notice is issued.
    /// </summary>
    NotEligible,
}
