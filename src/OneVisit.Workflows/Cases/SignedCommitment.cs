using OneVisit.Rules.Precheck;

namespace OneVisit.Workflows.Cases;

/// <summary>The applicant signs a commitment (告知承诺) for a material a department could not provide.</summary>
/// <param name="MaterialId">The material committed to.</param>
public sealed record SignedCommitment(string MaterialId)
{
    /// <summary>Who signed, as the case service authorized the call (the applicant, or their agent): never the caller's to set.</summary>
    [System.Text.Json.Serialization.JsonInclude]
    internal string? By { get; init; }
}
