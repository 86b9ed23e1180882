namespace OneVisit.Rules.Expressions;

/// <summary>A declared fact that conditions may name, such as <c>enterprise.registered_capital</c>.</summary>
/// <param name="Entity">The entity part, e.g. <c>enterprise</c>.</param>
/// <param name="Field">The field part, e.g. <c>registered_capital</c>.</param>
/// <param name="Type">The declared type.</param>
/// <param name="Slot">The fact's index in <see cref="FactValues"/>; unique within one schema.</param>
public sealed record FactSymbol(string Entity, string Field, FactType Type, int Slot)
{
    /// <summary>The path conditions use: <c>entity.field</c>.</summary>
    public string Path { get; } = $"{Entity}.{Field}";

    /// <inheritdoc />
    public override string ToString() => Path;
}
