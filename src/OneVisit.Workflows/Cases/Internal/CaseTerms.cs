using OneVisit.Rules.Catalog;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// What later steps need of the procedure version the case started on, copied at submission so a case keeps
/// its version even after the catalogue moves on.
/// </summary>
internal sealed class CaseTerms
{
    public string Code { get; set; } = "";

    public int Version { get; set; }

    public string Name { get; set; } = "";

    public string? NameEn { get; set; }

    public int? StatutoryDays { get; set; }

    public bool StatutoryWorkingDays { get; set; }

    public int? PromisedDays { get; set; }

    public bool PromisedWorkingDays { get; set; }

    public List<ResultDelivery> Deliveries { get; set; } = [];

    /// <summary>
    /// Materials for which the procedure allows a commitment instead of the document, with the calendar days
    /// within which it is verified (null: no deadline given).
    /// </summary>
    public Dictionary<string, int?> CommitmentAllowed { get; set; } = [];

    /// <summary>Whether the procedure can fetch any material from another department (shapes the workflow).</summary>
    public bool MayFetch { get; set; }

    /// <summary>Whether the result can be picked up (shapes the workflow).</summary>
    public bool MayPickup { get; set; }

    /// <summary>The procedure and its legal basis: the purpose recorded with every evidence request.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>Whether any material may be accepted with a gap (shapes the workflow: gaps are waited for in parallel).</summary>
    public bool MayGap { get; set; }

    /// <summary>
    /// Whether the version's workflow has parallel branches after intake (documents fetched, gaps waited for): the one
    /// thing that shapes it, so two versions alike in this have the same steps at the same places.
    /// </summary>
    public bool HasParallelBranches() => MayFetch || MayGap;

    /// <summary>Working days to supply what the office asks for (catalogue's <c>supplement.working_days</c>); null: the host's setting.</summary>
    public int? SupplementWorkingDays { get; set; }

    /// <summary>What happens when an ask after acceptance is not answered in time: <c>withdraw</c> or <c>officer_decides</c>.</summary>
    public string SupplementOnMissed { get; set; } = MissedDeadlines.Withdraw;

    /// <summary>Material id to its document's name (Chinese), so waits are shown in the catalogue's words.</summary>
    public Dictionary<string, string> DocumentNames { get; set; } = [];

    /// <summary>Material id to its document's English name, where the catalogue gives one.</summary>
    public Dictionary<string, string> DocumentNamesEn { get; set; } = [];
}
