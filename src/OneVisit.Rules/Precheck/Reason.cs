using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Precheck;

/// <summary>Why part of an answer is what it is: the rule, its condition, where it is written and its legal basis.</summary>
/// <param name="Rule">The rule's name, e.g. <c>330100-SC-0001/material/premises_lease_contract/required</c>.</param>
/// <param name="Text">The explanation in words.</param>
/// <param name="Condition">The condition's text, when the rule has one.</param>
/// <param name="Location">Where the rule is written in the catalogue.</param>
/// <param name="Basis">The legal basis.</param>
public sealed record Reason(
    string Rule,
    LocalizedText Text,
    string? Condition,
    SourceLocation? Location,
    IReadOnlyList<LegalBasis> Basis)
{
    /// <inheritdoc />
    public override string ToString() => Location is { } at ? $"{Text.EnglishOrText} ({Rule}, {at})" : $"{Text.EnglishOrText} ({Rule})";
}
