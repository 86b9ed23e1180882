using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Catalog;

/// <summary>A checked condition together with where the policy officer wrote it.</summary>
/// <param name="Condition">The type-checked condition.</param>
/// <param name="Location">The file, line and column of its first character.</param>
public sealed record PolicyCondition(Condition Condition, SourceLocation Location)
{
    /// <summary>The condition's text.</summary>
    public string Text => Condition.Text;

    /// <inheritdoc />
    public override string ToString() => $"{Text} ({Location})";
}
