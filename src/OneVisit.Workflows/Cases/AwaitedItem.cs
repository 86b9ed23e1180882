using OneVisit.Rules.Catalog;

namespace OneVisit.Workflows.Cases;

/// <summary>What a case waits for: who must do what, by when. Every wait has a due date and a consequence.</summary>
/// <param name="Kind">supplement (the one-time notice), evidence (a department), applicant (a document a department could not provide), gap (a material accepted with a gap), decision or pickup.</param>
/// <param name="From">Who must act: <c>applicant</c>, a department's id, or the competent authority's id.</param>
/// <param name="What">In the catalogue's words: the document's name, or what is to be done.</param>
/// <param name="Due">When the wait ends: the end of its last day (for a decision, of the nearest time limit).</param>
public sealed record AwaitedItem(string Kind, string From, string What, DateTimeOffset? Due)
{
    /// <summary>What the person must do: <c>supply</c>, <c>supply_or_commit</c>, <c>answer</c>, <c>decide</c> or <c>pick_up</c>.</summary>
    public string Action { get; init; } = "";

    /// <summary>The material concerned, when there is one.</summary>
    public string? MaterialId { get; init; }

    /// <summary>The last day, as the person is told (in the offices' time zone).</summary>
    public DateOnly? LastDay { get; init; }

    /// <summary>Whether the last day has passed (the consequence is being applied).</summary>
    public bool Overdue { get; init; }
}
