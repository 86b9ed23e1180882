using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Actors.Internal;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Audit.Internal;

/// <summary>
/// The audit log as callers read it: each read authorized against the actor (a case's trail for those who may read the
/// case, a subject's lines for the subject and auditors, verification for auditors), and each read of someone else's
/// lines recorded by the data tracker.
/// </summary>
/// <remarks><c>cases</c> is null only for a log over a bare store (no runtime), where a case's facts come from its index row.</remarks>
internal sealed class AuditLog(IAuditStore audit, ICaseStore store, CaseStoreErrors errors, AuditSeal seal, CaseGate gate, CaseService? cases = null) : IAuditLog
{
    private CaseActor? Fixed { get; init; }

    public IAuditLog As(CaseActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new AuditLog(audit, store, errors, seal, gate, cases) { Fixed = actor };
    }

    public Task<AuditVerification> VerifyAsync(string? caseId = null, CancellationToken cancellationToken = default) =>
        errors.GuardAsync(async () =>
        {
            if (caseId is not null)
            {
                CaseInputs.Identifier(caseId, nameof(caseId));
            }

            var actor = gate.Actor(Fixed, CaseOperation.VerifyAudit, caseId ?? "");
            if (CaseAccess.Verifier(actor) is { } needed)
            {
                throw await gate.DeniedAsync(new AccessDeniedException(caseId ?? "", CaseOperation.VerifyAudit, actor, needed), actor, "").ConfigureAwait(false);
            }

            IReadOnlyList<string> cases = caseId is null ? await audit.AuditedCasesAsync(cancellationToken).ConfigureAwait(false) : [caseId];
            var checks = new List<AuditChainCheck>(cases.Count);
            foreach (var id in cases)
            {
                // One case at a time: a store of any size is verified in the memory of its longest chain.
                var chain = await audit.AuditChainAsync(id, cancellationToken).ConfigureAwait(false);
                if (chain.Lines.Count > 0 || chain.Started)
                {
                    checks.Add(AuditChainVerifier.Check(chain, seal));
                }
            }

            return new AuditVerification(checks, seal.IsKeyed);
        });

    public Task<IReadOnlyList<AuditEntry>> ForCaseAsync(string caseId, CancellationToken cancellationToken = default) =>
        errors.GuardAsync<IReadOnlyList<AuditEntry>>(async () =>
        {
            CaseInputs.Identifier(caseId, nameof(caseId));
            var actor = gate.Actor(Fixed, CaseOperation.ReadAudit, caseId);
            var facts = cases is not null
                ? await cases.FactsAsync(caseId, cancellationToken).ConfigureAwait(false)
                : await store.FindCaseAsync(caseId, cancellationToken).ConfigureAwait(false) is { } row ? CaseFacts.Of(row) : new CaseFacts(caseId, "", "", "", null);
            await gate.DemandAsync(actor, CaseOperation.ReadAudit, facts).ConfigureAwait(false);
            var lines = await audit.AuditOfCaseAsync(caseId, cancellationToken).ConfigureAwait(false);
            await gate.ReadAsync(actor, facts, "the case's audit trail", "IAuditLog.ForCaseAsync", cancellationToken).ConfigureAwait(false);
            return lines;
        });

    public Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string subjectId, CancellationToken cancellationToken = default) =>
        errors.GuardAsync(() => SubjectLinesAsync(subjectId, "IAuditLog.ForSubjectAsync", cancellationToken));

    public Task<IReadOnlyList<DataAccess>> WhoLookedAsync(string subjectId, CancellationToken cancellationToken = default) =>
        errors.GuardAsync<IReadOnlyList<DataAccess>>(async () =>
        {
            var lines = await SubjectLinesAsync(subjectId, "IAuditLog.WhoLookedAsync", cancellationToken).ConfigureAwait(false);
            return [.. lines.Where(l => l.Action is AuditActions.DataRead or AuditActions.EvidenceRequested).Select(Access)];
        });

    private static DataAccess Access(AuditEntry line) => line.Action == AuditActions.EvidenceRequested
        ? new DataAccess(line.At, DepartmentAsked(line), line.CaseId, line.DataRequested ?? line.Detail, line.Purpose ?? "")
        : new DataAccess(line.At, line.Actor, line.CaseId, line.DataRequested ?? line.Detail, line.Purpose ?? "");

    /// <summary>The department an evidence request went to: its data line ends "from {department}".</summary>
    private static string DepartmentAsked(AuditEntry line) =>
        line.DataRequested is { } data && data.LastIndexOf(" from ", StringComparison.Ordinal) is var at and >= 0
            ? "department:" + data[(at + 6)..]
            : line.Actor;

    /// <summary>
    /// The lines about a subject that the actor may read: all of them for the subject and the host's processing, those
    /// of the authorities an auditor audits for an auditor (each case read is tracked).
    /// </summary>
    private async Task<IReadOnlyList<AuditEntry>> SubjectLinesAsync(string subjectId, string operation, CancellationToken cancellationToken)
    {
        CaseInputs.Identifier(subjectId, nameof(subjectId));
        var actor = gate.Actor(Fixed, CaseOperation.ReadSubjectAudit);
        await gate.DemandSubjectReaderAsync(actor, subjectId).ConfigureAwait(false);

        var lines = await audit.AuditOfSubjectAsync(subjectId, cancellationToken).ConfigureAwait(false);
        if (actor.Kind != CaseActorKind.Officer)
        {
            return lines;
        }

        var audited = actor.Posts.Where(p => p.Role == OfficerRole.Auditor).Select(p => p.AuthorityId).ToHashSet(StringComparer.Ordinal);
        var kept = new List<AuditEntry>();
        foreach (var caseLines in lines.GroupBy(l => l.CaseId))
        {
            if (await store.FindCaseAsync(caseLines.Key, cancellationToken).ConfigureAwait(false) is { } row && audited.Contains(row.AuthorityId))
            {
                kept.AddRange(caseLines);
                await gate.ReadAsync(actor, CaseFacts.Of(row), "the subject's audit lines of this case", actor.Purpose ?? operation, cancellationToken).ConfigureAwait(false);
            }
        }

        return [.. kept.OrderBy(l => l.Sequence)];
    }

}
