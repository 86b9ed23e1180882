using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Catalog;

/// <summary>
/// One of several people (or companies) a procedure involves, declared once in <c>catalog.yaml</c> and shared by
/// name: both spouses at a marriage registration (<c>groom</c>, <c>bride</c>), buyer and seller, mother and father.
/// Facts, materials and presence steps can belong to a party; a procedure without parties has one applicant.
/// </summary>
/// <param name="Id">Stable id, referenced as <c>party: groom</c>.</param>
/// <param name="Name">How the guide and the notice name the party (男方, Groom).</param>
/// <param name="Location">Where it was declared.</param>
public sealed record Party(string Id, LocalizedText Name, SourceLocation Location);
