namespace OneVisit.Rules.Expressions.Internal;

internal enum TokenKind
{
    End,
    Identifier,
    Number,
    String,
    Date,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Dot,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Plus,
    Minus,
    Star,
    Slash,
    And,
    Or,
    Not,
    In,
    Between,
    Contains,
    Is,
    Known,
    Unknown,
    True,
    False,
    AsOf,
    DurationUnit,
}

/// <summary>A token with its place in the condition text. <see cref="Value"/> holds a parsed literal.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, string Text, object? Value = null)
{
    public int End => Start + Length;

    public bool IsComparison => Kind is TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less
        or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual;

    /// <summary>What a message calls this token.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the condition",
        TokenKind.String => $"the text \"{Text}\"",
        _ => $"'{Text}'",
    };
}
