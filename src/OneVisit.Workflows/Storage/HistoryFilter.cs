namespace OneVisit.Workflows.Storage;

/// <summary>Which past cases a population read takes (<see cref="ICaseStore.HistoryAsync"/>).</summary>
/// <param name="From">Submitted at or after this instant.</param>
/// <param name="Before">Submitted before this instant.</param>
/// <param name="Codes">Only these procedure or bundle codes; all when null.</param>
/// <param name="AuthorityIds">Only cases whose competent (or, for a bundle, lead) authority is one of these; all when null.</param>
internal sealed record HistoryFilter(DateTimeOffset From, DateTimeOffset Before, IReadOnlyCollection<string>? Codes, IReadOnlyCollection<string>? AuthorityIds);
