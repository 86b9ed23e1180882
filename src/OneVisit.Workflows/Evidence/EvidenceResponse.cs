using System.Text.Json.Serialization;

namespace OneVisit.Workflows.Evidence;

/// <summary>What a department answers to an <see cref="EvidenceRequest"/>.</summary>
public enum EvidenceOutcome
{
    /// <summary>The document is issued (attached).</summary>
    Issued,

    /// <summary>It will come later; <see cref="EvidenceResponse.ExpectedBy"/> estimates when.</summary>
    Later,

    /// <summary>The department holds no such document about the subject.</summary>
    NotFound,

    /// <summary>The department refuses (no legal basis recognised, subject's data restricted…).</summary>
    Refused,
}

/// <summary>A department's answer.</summary>
/// <param name="Outcome">Issued, later, not found or refused.</param>
/// <param name="DocumentReference">The issued document's number or reference.</param>
/// <param name="ExpectedBy">For <see cref="EvidenceOutcome.Later"/>: when the department expects to answer.</param>
/// <param name="Reason">For not found or refused: why.</param>
public sealed record EvidenceResponse(
    EvidenceOutcome Outcome,
    string? DocumentReference = null,
    DateTimeOffset? ExpectedBy = null,
    string? Reason = null)
{
    /// <summary>The document is issued.</summary>
    public static EvidenceResponse Issued(string documentReference) => new(EvidenceOutcome.Issued, documentReference);

    /// <summary>It will come later.</summary>
    public static EvidenceResponse Later(DateTimeOffset expectedBy) => new(EvidenceOutcome.Later, ExpectedBy: expectedBy);

    /// <summary>No such document.</summary>
    public static EvidenceResponse NotFound(string reason) => new(EvidenceOutcome.NotFound, Reason: reason);

    /// <summary>Refused.</summary>
    public static EvidenceResponse Refused(string reason) => new(EvidenceOutcome.Refused, Reason: reason);

    /// <summary>A short description for people and the audit log.</summary>
    [JsonIgnore]
    public string Summary => Outcome switch
    {
        EvidenceOutcome.Issued => $"issued {DocumentReference}",
        EvidenceOutcome.Later => $"later, expected by {ExpectedBy:yyyy-MM-dd HH:mm}",
        EvidenceOutcome.NotFound => $"not found: {Reason}",
        _ => $"refused: {Reason}",
    };
}
