namespace OneVisit.Workflows.Cases.Internal;

/// <summary>A document another member of the same bundle issued, held by this case as evidence on its start.</summary>
internal sealed class CasePassedOn
{
    public string MaterialId { get; set; } = "";

    public string DocumentId { get; set; } = "";

    /// <summary>The member case that issued it.</summary>
    public string FromCaseId { get; set; } = "";

    /// <summary>The authority that decided that member, which issued the document.</summary>
    public string FromAuthorityId { get; set; } = "";

    /// <summary>How it travelled (the bundle's flow: e-licence or push).</summary>
    public string Via { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
