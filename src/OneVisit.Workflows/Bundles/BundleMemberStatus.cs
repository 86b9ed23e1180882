using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Bundles;

/// <summary>One member of a bundle case: its procedure, its case once started, and why it is where it is.</summary>
public sealed record BundleMemberStatus
{
    /// <summary>The member procedure's code.</summary>
    public required string ProcedureCode { get; init; }

    /// <summary>The procedure version the member is pinned to (the one in force on the application's date).</summary>
    public required int ProcedureVersion { get; init; }

    /// <summary>The procedure's name.</summary>
    public required LocalizedText ProcedureName { get; init; }

    /// <summary>Where it stands.</summary>
    public required BundleMemberState State { get; init; }

    /// <summary>The member's case id: assigned on submission, the case itself exists once the member started.</summary>
    public string? CaseId { get; init; }

    /// <summary>The competent authority the member is routed to (null for a member not included).</summary>
    public string? AuthorityId { get; init; }

    /// <summary>Why it is in this state, in words (what it waits for, why refused, stopped or not included); null for a member done.</summary>
    public string? Why { get; init; }

    /// <summary>For a member that cannot start yet: the outputs it waits for, as "document from procedure".</summary>
    public IReadOnlyList<string> WaitsFor { get; init; } = [];

    /// <summary>The member case's stage, once started.</summary>
    public CaseStage? CaseStage { get; init; }

    /// <summary>How its result reaches the applicant (null for a member refused, stopped or not included).</summary>
    public ResultDelivery? Delivery { get; init; }

    /// <summary>How the member case ended, once closed.</summary>
    public CaseOutcome? Outcome { get; init; }
}
