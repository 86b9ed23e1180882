namespace OneVisit.Rules.Expressions;

/// <summary>A problem in one condition, positioned by character offset within the condition's text.</summary>
/// <param name="Code">A diagnostic code (OV3xxx), see <see cref="Diagnostics.DiagnosticCodes"/>.</param>
/// <param name="Message">What is wrong and what to write instead.</param>
/// <param name="Offset">0-based offset of the first character concerned.</param>
/// <param name="Length">How many characters are concerned (at least 1 unless the text is empty).</param>
public readonly record struct ExpressionError(string Code, string Message, int Offset, int Length);
