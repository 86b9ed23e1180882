using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Export;

/// <summary>The catalogue loaded, but holds something CPSV-AP cannot carry as written; the message says where and what to change.</summary>
public sealed class CpsvApExportException : OneVisitException
{
    /// <summary>Creates the exception for a problem at <paramref name="location"/>.</summary>
    public CpsvApExportException(SourceLocation location, string message)
        : base($"{location}: {message}")
    {
        Location = location;
    }

    /// <summary>Where the catalogue says what cannot be exported.</summary>
    public SourceLocation Location { get; }
}
