namespace OneVisit.Rules.Diagnostics;

/// <summary>A position in a catalogue file: 1-based line and column, as editors count them.</summary>
/// <param name="File">The file path as the catalogue was given (relative paths stay relative).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, counted in UTF-16 characters.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location for a whole file, when no finer position applies.</summary>
    public static SourceLocation StartOf(string file) => new(file, 1, 1);

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
