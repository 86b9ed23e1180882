using OneVisit.Rules.Precheck;

namespace OneVisit.Workflows.Cases;

/// <summary>Documents the applicant supplies after a deficiency notice or when a department could not provide one.</summary>
/// <param name="Documents">What was handed in.</param>
public sealed record SuppliedDocuments(IReadOnlyList<HeldDocument> Documents)
{
    /// <summary>Who handed them in, as the case service authorized the call (never the caller's to set).</summary>
    [System.Text.Json.Serialization.JsonInclude]
    internal string? By { get; init; }
}
