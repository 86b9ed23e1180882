namespace OneVisit.Workflows.Cases;

/// <summary>
/// Submits applications as durable cases, reads them, and sends them what they wait for. Every call acts as someone:
/// the host's signed-in actor (<see cref="Actors.ICaseActorAccessor"/>), or the one given to <see cref="As"/>; who may
/// do what is in docs/security.md, and a call outside it throws <see cref="Actors.AccessDeniedException"/> (audited).
/// Every method checks its input against the case as stored and throws a <see cref="CaseException"/> (nothing
/// changed) when the case cannot take it.
/// </summary>
public interface ICaseService
{
    /// <summary>
    /// The same service acting as <paramref name="actor"/> on every call, for hosts that know who acts without a
    /// sign-in per call (a console host, a batch job, a test). The actor is the host's to vouch for: never take it
    /// from a request's body.
    /// </summary>
    ICaseService As(Actors.CaseActor actor);

    /// <summary>
    /// Prechecks the application and starts its case. Throws <see cref="Rules.Precheck.InvalidApplicationException"/>
    /// for an unknown procedure, window, fact or document, <see cref="IncompleteApplicationException"/> when
    /// the competent authority or eligibility still depends on unanswered questions, and
    /// <see cref="DuplicateSubmissionException"/> for a reused key. Returns the case as first stored.
    /// </summary>
    Task<CaseSnapshot> SubmitAsync(CaseSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>The case as it stands, or <see cref="CaseNotFoundException"/>.</summary>
    Task<CaseSnapshot> GetAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cases, newest first, optionally of one applicant or only open ones, as far as the actor may see them: an
    /// applicant their own, an agent their principal's (of the procedures the mandate covers), an officer those of the
    /// authorities they hold, the host's processing all.
    /// </summary>
    Task<IReadOnlyList<CaseSummary>> ListAsync(CaseQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>The applicant supplies documents: after the deficiency notice, or for a material a department could not provide.</summary>
    Task SupplyDocumentsAsync(string caseId, SuppliedDocuments documents, CancellationToken cancellationToken = default);

    /// <summary>The applicant signs a commitment for a material a department could not provide, where the procedure allows it.</summary>
    Task SignCommitmentAsync(string caseId, SignedCommitment commitment, CancellationToken cancellationToken = default);

    /// <summary>A department answers an evidence request it had answered "later".</summary>
    Task AnswerEvidenceAsync(string caseId, string materialId, Evidence.EvidenceResponse answer, CancellationToken cancellationToken = default);

    /// <summary>The signed-in officer decides: they must hold a reviewer's post at the case's competent authority.</summary>
    Task DecideAsync(string caseId, OfficerDecision decision, CancellationToken cancellationToken = default);

    /// <summary>The applicant came to an office for the case (recorded in the visit ledger by an intake officer, or a kiosk).</summary>
    Task RecordVisitAsync(string caseId, VisitMade visit, CancellationToken cancellationToken = default);

    /// <summary>The applicant picked the result up (recorded by the officer handing it over): a visit, unless made the same day as one already recorded.</summary>
    Task ConfirmPickupAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until the case satisfies <paramref name="condition"/> (for example reaches a stage) and returns it
    /// as it then stands. It is woken by each save this host's runtime makes of the case, so it sees a case
    /// that this host runs; a case driven only by another process is seen when this host next saves it.
    /// Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>, saying where the case stands,
    /// and <see cref="CaseNotFoundException"/> for an unknown case.
    /// </summary>
    Task<CaseSnapshot> WaitUntilAsync(string caseId, Func<CaseSnapshot, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default);
}
