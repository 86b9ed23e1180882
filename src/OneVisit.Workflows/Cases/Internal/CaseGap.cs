namespace OneVisit.Workflows.Cases.Internal;

internal sealed class CaseGap
{
    public string MaterialId { get; set; } = "";

    public string DocumentId { get; set; } = "";

    public string Status { get; set; } = "";

    public string? CurrentEdition { get; set; }
}
