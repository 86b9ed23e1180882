using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Actors;

/// <summary>
/// The actor may not do this: the message says who asked, what for, and what would have been needed. The attempt is
/// recorded in the case's audit log (when there is a case); nothing else changed.
/// </summary>
public sealed class AccessDeniedException : CaseException
{
    /// <summary>Creates the denial.</summary>
    public AccessDeniedException(string caseId, CaseOperation operation, string actor, string needed)
        : base(caseId, actor == NoOne
            ? $"No one is signed in to {Words(operation)}{(caseId.Length > 0 ? $" on case '{caseId}'" : "")}: {needed}."
            : $"{actor} may not {Words(operation)}{(caseId.Length > 0 ? $" on case '{caseId}'" : "")}: {needed}.")
    {
        Operation = operation;
        Actor = actor;
        Needed = needed;
    }

    /// <summary>How <see cref="Actor"/> reads when the call had no actor at all.</summary>
    public const string NoOne = "no one";

    /// <summary>What was asked.</summary>
    public CaseOperation Operation { get; }

    /// <summary>Who asked, as the audit log names them (<c>none</c> when no actor was given).</summary>
    public string Actor { get; }

    /// <summary>What would have been needed.</summary>
    public string Needed { get; }

    private static string Words(CaseOperation operation) => operation switch
    {
        CaseOperation.Submit => "submit an application",
        CaseOperation.Read => "read the case",
        CaseOperation.List => "list these cases",
        CaseOperation.SupplyDocuments => "supply documents",
        CaseOperation.SignCommitment => "sign a commitment",
        CaseOperation.Consent => "give consent",
        CaseOperation.AnswerEvidence => "answer the evidence request",
        CaseOperation.Decide => "decide",
        CaseOperation.RecordVisit => "record a visit",
        CaseOperation.ConfirmPickup => "confirm the pickup",
        CaseOperation.ReadAudit => "read the audit trail",
        CaseOperation.ReadSubjectAudit => "read this subject's audit lines",
        CaseOperation.VerifyAudit => "verify the audit chains",
        _ => operation.ToString(),
    };
}
