using Microsoft.Extensions.Logging;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Actors.Internal;

/// <summary>
/// Where every call of the case services meets authorization: it finds who acts (the call's own actor, else the host's
/// <see cref="ICaseActorAccessor"/>), lets <see cref="CaseAccess"/> decide, audits each denial, and writes the data
/// tracker's line when someone other than the subject reads a case.
/// </summary>
internal sealed class CaseGate(CaseAccess access, ICaseActorAccessor accessor, IAuditStore audit, TimeProvider time, ILogger<CaseGate> logger)
{
    /// <summary>The chain that records denials of calls about no case (a submission in someone else's name, a forbidden list).</summary>
    public const string NoCase = "-";

    public CaseAccess Access => access;

    /// <summary>Who acts: <paramref name="explicitActor"/> when the call was made <c>As(actor)</c>, else the host's signed-in actor; denied when neither.</summary>
    public CaseActor Actor(CaseActor? explicitActor, CaseOperation operation, string caseId = "") =>
        explicitActor ?? accessor.Current ?? throw new AccessDeniedException(caseId, operation, null,
            "the host's ICaseActorAccessor gave no actor. Sign in through the host, or make the call As(actor) (see docs/security.md)");

    /// <summary>Throws (and audits) <see cref="AccessDeniedException"/> unless the actor may do this on the case.</summary>
    public async Task DemandAsync(CaseActor actor, CaseOperation operation, Internal.CaseFacts facts, string? departmentId = null)
    {
        if (access.Why(actor, operation, facts, departmentId) is { } needed)
        {
            throw await DeniedAsync(new AccessDeniedException(facts.CaseId, operation, actor, needed), actor, facts.SubjectId).ConfigureAwait(false);
        }
    }

    /// <summary>Throws (and audits, under the subject) <see cref="AccessDeniedException"/> unless the actor may read what is about <paramref name="subjectId"/> across cases.</summary>
    public async Task DemandSubjectReaderAsync(CaseActor actor, string subjectId)
    {
        if (CaseAccess.SubjectReader(actor, subjectId) is { } needed)
        {
            throw await DeniedAsync(new AccessDeniedException("", CaseOperation.ReadSubjectAudit, actor, needed), actor, subjectId).ConfigureAwait(false);
        }
    }

    /// <summary>Audits a denial, under its case (or <see cref="NoCase"/>) and the subject it concerned, and returns it to throw.</summary>
    public async Task<AccessDeniedException> DeniedAsync(AccessDeniedException denial, CaseActor actor, string subjectId)
    {
        var caseId = denial.CaseId.Length > 0 ? denial.CaseId : NoCase;
        Log.Denied(logger, denial.Operation, actor.LogName, caseId);
        await AttemptAsync(caseId, subjectId, actor, denial).ConfigureAwait(false);
        return denial;
    }

    /// <summary>
    /// The audit line of a call the library refused (denied, or refused by the case's state): who tried, when, and
    /// the error's type and message. Written even when the call was cancelled, since the attempt happened.
    /// </summary>
    public Task AttemptAsync(string caseId, string subjectId, CaseActor actor, Cases.CaseException refusal)
    {
        var now = time.GetUtcNow();
        return audit.AppendAuditAsync(
            $"{caseId}:attempt:{now.UtcTicks}:{Guid.NewGuid():N}",
            new AuditEntry(0, caseId, subjectId, now, actor.AuditName, AuditActions.AttemptRefused, $"{refusal.GetType().Name}: {refusal.Message}"),
            CancellationToken.None);
    }

    /// <summary>
    /// The data tracker: records that <paramref name="actor"/> read <paramref name="data"/> of the case, unless the
    /// actor is the subject (or a party) reading their own, or the host's own processing.
    /// </summary>
    public Task ReadAsync(CaseActor actor, Internal.CaseFacts facts, string data, string operation, CancellationToken cancellationToken)
    {
        if (actor.Kind == CaseActorKind.System
            || (actor.Kind == CaseActorKind.Applicant && (actor.Id == facts.SubjectId || facts.Parties.Contains(actor.Id, StringComparer.Ordinal))))
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        return audit.AppendAuditAsync(
            $"{facts.CaseId}:read:{now.UtcTicks}:{Guid.NewGuid():N}",
            new AuditEntry(0, facts.CaseId, facts.SubjectId, now, actor.AuditName, AuditActions.DataRead, $"{actor.AuditName} read {data}", data, actor.Purpose ?? operation),
            cancellationToken);
    }
}
