namespace OneVisit.Rules.Expressions;

/// <summary>
/// The value of a condition in three-valued (Kleene) logic. A fact nobody gave stays unknown, so the answer
/// can say what it depends on instead of guessing.
/// </summary>
/// <remarks>The numeric order False &lt; Unknown &lt; True makes <c>and</c> the minimum and <c>or</c> the maximum.</remarks>
public enum Truth : byte
{
    /// <summary>Certainly false.</summary>
    False = 0,

    /// <summary>Depends on a fact that is not known.</summary>
    Unknown = 1,

    /// <summary>Certainly true.</summary>
    True = 2,
}
