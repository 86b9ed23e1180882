using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Json;

/// <summary>
/// What is read beside a case and written into its JSON (<see cref="CaseJson.WriteCase"/>,
/// <see cref="CaseJson.WritePurged"/>, <see cref="CaseJson.WriteBundle"/>): each is read with its own call and its
/// own authorization, so a host passes only what the caller may see. A member left null is written as <c>null</c>.
/// </summary>
public sealed record CaseJsonParts
{
    /// <summary>The case's audit chain as verified (<see cref="IAuditLog"/>), written as <c>auditChain</c> near the top; a bundle case's JSON has none.</summary>
    public AuditChainCheck? AuditChain { get; init; }

    /// <summary>The visit ledger (<see cref="IVisitLedger"/>), written as <c>visits</c>.</summary>
    public IReadOnlyList<VisitRecord>? Visits { get; init; }

    /// <summary>The commitments the applicant signed (<see cref="ICommitmentLedger"/>), written as <c>commitments</c>; a bundle case's JSON has none.</summary>
    public IReadOnlyList<CommitmentEntry>? Commitments { get; init; }

    /// <summary>The audit trail (<see cref="IAuditLog"/>), written as <c>audit</c>, e.g. for an officer.</summary>
    public IReadOnlyList<AuditEntry>? Audit { get; init; }
}
