using OneVisit.Rules.Precheck;

namespace OneVisit.Workflows.Cases;

/// <summary>The applicant signs a commitment (告知承诺) for a material a department could not provide.</summary>
/// <param name="MaterialId">The material committed to.</param>
public sealed record SignedCommitment(string MaterialId);
