using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Actors;

/// <summary>
/// The actor may not do this: the message says who asked, what for, and what would have been needed. The attempt is
/// recorded in the audit log (on the case, when there is one); nothing else changed.
/// </summary>
/// <remarks>
/// The message names an applicant or an agent by kind only, never by id, because hosts log exceptions; the audit line
/// and <see cref="Actor"/> name them in full.
/// </remarks>
public sealed class AccessDeniedException : CaseException
{
    /// <summary>Creates the denial of <paramref name="operation"/> to <paramref name="actor"/> (null when no one acted).</summary>
    public AccessDeniedException(string caseId, CaseOperation operation, CaseActor? actor, string needed)
        : base(caseId, actor is null
            ? $"No one is signed in to {Words(operation, caseId)}: {needed}."
            : $"{Named(actor)} may not {Words(operation, caseId)}: {needed}.")
    {
        Operation = operation;
        Actor = actor?.AuditName ?? NoOne;
        Needed = needed;
    }

    /// <summary>How <see cref="Actor"/> reads when the call had no actor at all.</summary>
    public const string NoOne = "no one";

    /// <summary>What was asked.</summary>
    public CaseOperation Operation { get; }

    /// <summary>Who asked, as the audit log names them (<see cref="NoOne"/> when no actor was given).</summary>
    public string Actor { get; }

    /// <summary>What would have been needed.</summary>
    public string Needed { get; }

    private static string Named(CaseActor actor) => actor.Kind switch
    {
        CaseActorKind.Applicant => "An applicant",
        CaseActorKind.Agent => $"Agent {actor.Id}",
        CaseActorKind.System => "The host's processing",
        _ => actor.AuditName,
    };

    private static string Words(CaseOperation operation, string caseId)
    {
        var target = caseId.Length > 0 ? $"case '{caseId}'" : "it";
        return operation switch
        {
            CaseOperation.Submit => "submit this application",
            CaseOperation.Read => $"read {target}",
            CaseOperation.List => "list these cases",
            CaseOperation.SupplyDocuments => $"supply documents to {target}",
            CaseOperation.SignCommitment => $"sign a commitment on {target}",
            CaseOperation.Consent => $"give consent to {target}",
            CaseOperation.AnswerEvidence => $"answer an evidence request of {target}",
            CaseOperation.Decide => $"decide {target}",
            CaseOperation.RecordVisit => $"record a visit on {target}",
            CaseOperation.ConfirmPickup => $"confirm the pickup of {target}",
            CaseOperation.ReadAudit => $"read the audit trail of {target}",
            CaseOperation.ReadSubjectAudit => "read this subject's lines",
            CaseOperation.VerifyAudit => caseId.Length > 0 ? $"verify the audit chain of {target}" : "verify the audit chains",
            _ => operation.ToString(),
        };
    }
}
