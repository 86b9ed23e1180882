using OneVisit.Rules.Catalog.Internal;

namespace OneVisit.Rules.Catalog;

/// <summary>The words the catalogue's YAML uses for OneVisit's enums (<c>e_licence</c>, <c>not_yet</c>, …), for output that policy staff read.</summary>
public static class CatalogWords
{
    /// <summary>The snake_case word for <paramref name="value"/>, as written in catalogue and test files.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Vocabulary<TEnum>.Word(value);
}
