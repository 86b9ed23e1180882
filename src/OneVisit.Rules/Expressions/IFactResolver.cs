namespace OneVisit.Rules.Expressions;

/// <summary>The facts a condition may name. The catalogue's fact schema implements it.</summary>
public interface IFactResolver
{
    /// <summary>How many slots a <see cref="FactValues"/> for this schema holds.</summary>
    int SlotCount { get; }

    /// <summary>Every declared fact.</summary>
    IReadOnlyCollection<FactSymbol> Facts { get; }

    /// <summary>The fact at <paramref name="path"/> (<c>entity.field</c>), or null when it is not declared.</summary>
    FactSymbol? Find(string path);
}
