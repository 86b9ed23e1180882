using OneVisit.Rules.Catalog;

namespace OneVisit.Workflows.Cases;

/// <summary>A material accepted with a gap (容缺受理): owed after acceptance by its last day.</summary>
/// <param name="MaterialId">The material.</param>
/// <param name="DocumentName">Its document's name in the catalogue's words.</param>
/// <param name="LastDay">The last day to supply it.</param>
/// <param name="State">owed, supplied, missed, or not_required (a migration moved the case to a version that no longer requires it).</param>
/// <param name="OnMissed">What a missed deadline leads to: withdraw or officer_decides.</param>
public sealed record AcceptedGap(string MaterialId, string DocumentName, DateOnly LastDay, string State, string OnMissed);
