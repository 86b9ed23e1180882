using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Precheck;

/// <summary>Who decides the case, why, and where it goes from the window where it was handed in.</summary>
/// <param name="Authority">The competent authority.</param>
/// <param name="Decided">False when an earlier jurisdiction rule depends on an open question and could still win.</param>
/// <param name="Why">The jurisdiction rule that decided, or the procedure's default.</param>
/// <param name="Window">The window where the applicant applies, if given.</param>
/// <param name="ForwardedTo">
/// When the window is not the competent authority's own (or does not take this procedure), the authority the case
/// is forwarded to. The applicant is never sent away.
/// </param>
public sealed record RoutingResult(Authority Authority, bool Decided, Reason Why, Window? Window, Authority? ForwardedTo)
{
    /// <summary>The competent authority's administrative level.</summary>
    public AuthorityLevel Level => Authority.Level;
}
