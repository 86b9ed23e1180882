namespace OneVisit.Rules.Diagnostics;

/// <summary>How serious a diagnostic is. Errors stop a catalogue from loading; warnings do not.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Probably a mistake, but the catalogue still means something definite.</summary>
    Warning,

    /// <summary>The catalogue cannot be used until this is fixed.</summary>
    Error,
}

/// <summary>One problem found in a catalogue, with where it is and what to do about it.</summary>
/// <param name="Code">A stable code such as <c>OV3002</c>; see <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Location">File, line and column.</param>
/// <param name="Message">A sentence a policy officer can act on, including any "did you mean" suggestion.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, SourceLocation Location, string Message)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The one-line form used by <c>onevisit lint</c>: <c>path:line:col: error OV1234: message</c>.</summary>
    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
