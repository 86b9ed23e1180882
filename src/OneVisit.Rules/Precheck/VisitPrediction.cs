using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck.Internal;

namespace OneVisit.Rules.Precheck;

/// <summary>A presence step that needs the applicant in person, and on which visit.</summary>
/// <param name="StepId">
/// The presence step's id; <c>result_pickup</c> when implied by pickup-only result delivery; <c>hand_in</c> when
/// the application is handed in in person (no remote channel, or applied for at a window).
/// </param>
/// <param name="Reason">Why presence is needed.</param>
/// <param name="Visit">1 for the visit to hand in; 2 for a later pickup.</param>
/// <param name="Needed"><see cref="Truth.Unknown"/> when it depends on an open question (counted, to be safe).</param>
/// <param name="Why">The explanation and its source.</param>
public sealed record VisitReason(string StepId, PresenceReason Reason, int Visit, Truth Needed, Reason Why)
{
    /// <summary>The party who must be there for this step (each spouse signs), when the step names one.</summary>
    public Party? Party { get; init; }
}

/// <summary>A presence step that does not need a trip, and what replaces it.</summary>
/// <param name="StepId">The presence step's id.</param>
/// <param name="Reason">Why presence would have been needed.</param>
/// <param name="Instead">What replaces the trip (a remote alternative, data sharing, …).</param>
public sealed record AvoidedVisit(string StepId, PresenceReason Reason, Reason Instead);

/// <summary>How many trips the applicant needs, and why each.</summary>
/// <param name="Count">The predicted number of visits (0, 1 or 2); an upper bound while questions are open.</param>
/// <param name="Reasons">The steps that need presence.</param>
/// <param name="Avoided">The steps that a remote alternative or data sharing removes.</param>
public sealed record VisitPrediction(int Count, IReadOnlyList<VisitReason> Reasons, IReadOnlyList<AvoidedVisit> Avoided)
{
    /// <summary>
    /// The most visits any applicant of <paramref name="procedure"/> can need, as its general service guide states
    /// them: every step that may apply counts unless a remote alternative is always open, every original may be on
    /// paper unless the office prepares it, and the application is handed in at a window. Counted by the same
    /// planner as a precheck, so no precheck of the procedure predicts more.
    /// </summary>
    /// <param name="catalog">The catalogue holding the procedure.</param>
    /// <param name="procedure">The procedure.</param>
    public static VisitPrediction WorstCase(ProcedureCatalog catalog, Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(procedure);
        return VisitPlanner.WorstCase(procedure, catalog.Documents);
    }
}
