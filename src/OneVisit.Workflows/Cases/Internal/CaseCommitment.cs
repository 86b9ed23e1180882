namespace OneVisit.Workflows.Cases.Internal;

internal sealed class CaseCommitment
{
    public string MaterialId { get; set; } = "";

    public Commitments.CommitmentKind Kind { get; set; }

    public DateOnly DueOn { get; set; }
}
