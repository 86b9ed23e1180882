using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Workflows.Cases;

/// <summary>An application handed in (online, at a window, or by post) to become a case.</summary>
public sealed record CaseSubmission
{
    /// <summary>
    /// Chosen by the caller, unique per application: submitting the same key again returns the case already
    /// made (a retry after a timeout is safe); the same key with a different application is refused with
    /// <see cref="DuplicateSubmissionException"/>.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>
    /// Whom the case is about (an ID-card or credit-code number, or a pseudonym): the audit log answers
    /// "who looked at my data" by this id, and the visit ledger counts visits by it. Leave it null when the applicant
    /// (or their agent) submits: it is then the signed-in applicant (or the mandate's principal), and a different id is
    /// refused. An intake officer submitting at a window names the applicant whose identity they checked.
    /// </summary>
    public string? ApplicantId { get; init; }

    /// <summary>The application: procedure, facts, documents held, and the window it is handed in at.</summary>
    public required PrecheckRequest Application { get; init; }

    /// <summary>How the applicant wants the result; the procedure's first non-pickup way when null or not offered.</summary>
    public ResultDelivery? PreferredDelivery { get; init; }
}
