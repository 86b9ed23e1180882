namespace OneVisit.Workflows.Commitments;

/// <summary>What the applicant owes after acceptance.</summary>
public enum CommitmentKind
{
    /// <summary>告知承诺: a signed commitment stands for the material; the office verifies it by the due date.</summary>
    Verify,

    /// <summary>容缺受理: the material is supplied by the due date.</summary>
    Supply,
}

/// <summary>A line of the commitment ledger.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="MaterialId">The material.</param>
/// <param name="Kind">Verify or supply.</param>
/// <param name="DueOn">The verification or supply deadline.</param>
/// <param name="RecordedAt">When it entered the ledger.</param>
public sealed record CommitmentEntry(string CaseId, string MaterialId, CommitmentKind Kind, DateOnly DueOn, DateTimeOffset RecordedAt);

/// <summary>Commitments and accepted gaps with their due dates, for the verification team.</summary>
public interface ICommitmentLedger
{
    /// <summary>
    /// The same ledger read as <paramref name="actor"/> (see <see cref="Cases.ICaseService.As"/>); without it, reads act
    /// as the host's signed-in actor. A case's entries are for those who may read the case, and every read by someone
    /// other than the subject is recorded by the data tracker (docs/security.md).
    /// </summary>
    ICommitmentLedger As(Actors.CaseActor actor);

    /// <summary>Entries of one case.</summary>
    Task<IReadOnlyList<CommitmentEntry>> ForCaseAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Entries due on or before <paramref name="date"/>, earliest first.</summary>
    Task<IReadOnlyList<CommitmentEntry>> DueByAsync(DateOnly date, CancellationToken cancellationToken = default);
}
