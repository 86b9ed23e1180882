using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Catalog;

/// <summary>What happens when a deadline for the applicant to supply something passes and nothing came.</summary>
public enum MissedDeadline
{
    /// <summary>The application is withdrawn (终止办理): the case ends, and the applicant is told why. The default.</summary>
    Withdraw,

    /// <summary>An officer decides whether to go on or end it; the case waits for that decision, not for ever.</summary>
    OfficerDecides,
}

/// <summary>
/// How long an applicant has to supply what the office asks for (补正: the items of the deficiency notice, or a
/// document a department could not provide), and what happens when that time runs out. A procedure's
/// <c>supplement</c> block; the case runtime reads it.
/// </summary>
/// <param name="WorkingDays">Working days to supply it; null for the host's default (<c>CaseOptions.SupplementWorkingDays</c>, 10).</param>
/// <param name="OnMissed">What happens when the days pass unsupplied; <see cref="MissedDeadline.Withdraw"/> unless the catalogue says otherwise.</param>
/// <param name="Location">Where the block was declared.</param>
public sealed record SupplementTerms(int? WorkingDays, MissedDeadline OnMissed, SourceLocation Location);
