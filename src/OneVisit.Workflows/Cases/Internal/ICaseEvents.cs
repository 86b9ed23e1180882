using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// Events for a case's waits, each taken at most once: whoever claims a wait's key first (an applicant, an
/// officer, a department, a timer, or the case closing) has its event applied; a later claim is refused.
/// </summary>
internal interface ICaseEvents
{
    /// <summary>
    /// Claims the wait and stores its event now; false when the wait was already claimed or the case is closed
    /// (nothing is stored then).
    /// </summary>
    Task<bool> PublishOnceAsync(string caseId, string eventName, string eventKey, object payload, string actor, CancellationToken cancellationToken);

    /// <summary>Claims the wait and stores its event with the next save of the case's document (a step ending another wait).</summary>
    void PublishWith(PendingWrites writes, string caseId, string eventName, string eventKey, object payload, string actor);

    /// <summary>Claims a wait with the next save without storing an event: the step answered it itself.</summary>
    void ClaimWith(PendingWrites writes, string caseId, string eventName, string eventKey, string actor);
}
