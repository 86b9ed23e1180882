namespace OneVisit.Rules.Expressions;

/// <summary>The kinds of value a fact can hold, as declared in <c>facts.yaml</c>.</summary>
public enum FactKind
{
    /// <summary>True or false (<c>bool</c>).</summary>
    Bool,

    /// <summary>A number (<c>number</c>).</summary>
    Number,

    /// <summary>An amount in yuan (<c>money</c>); mixes freely with numbers.</summary>
    Money,

    /// <summary>Free text (<c>text</c>).</summary>
    Text,

    /// <summary>A calendar date (<c>date</c>).</summary>
    Date,

    /// <summary>One of a closed list of values (<c>enum</c>).</summary>
    Enum,
}

/// <summary>The declared type of a fact: its kind and, for enums, the allowed values.</summary>
public sealed class FactType
{
    private FactType(FactKind kind, IReadOnlyList<string> values)
    {
        Kind = kind;
        Values = values;
    }

    /// <summary>The kind of value.</summary>
    public FactKind Kind { get; }

    /// <summary>For <see cref="FactKind.Enum"/>, the allowed values; empty otherwise.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>A type of the given kind; use <see cref="Enum"/> for enums.</summary>
    public static FactType Of(FactKind kind) => kind == FactKind.Enum
        ? throw new ArgumentException("An enum type needs its values; use FactType.Enum(values).", nameof(kind))
        : new FactType(kind, []);

    /// <summary>An enum type with the given allowed values.</summary>
    public static FactType Enum(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new FactType(FactKind.Enum, [.. values]);
    }

    /// <summary>Whether <paramref name="value"/> is one of this enum's values (ordinal comparison).</summary>
    public bool Allows(string value) => Values.Contains(value, StringComparer.Ordinal);

    /// <summary>The word a policy officer writes in <c>facts.yaml</c> for this type.</summary>
    public override string ToString() => Kind.ToString().ToLowerInvariant();
}
