using System.Collections;

namespace OneVisit.Rules.Diagnostics;

/// <summary>Collects diagnostics while a catalogue is read, so that one run reports every problem.</summary>
public sealed class DiagnosticBag : IReadOnlyList<Diagnostic>
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Whether any error (not just warnings) was reported.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>How many errors (not warnings) were reported.</summary>
    public int ErrorCount { get; private set; }

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public Diagnostic this[int index] => _items[index];

    /// <summary>Adds a diagnostic.</summary>
    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _items.Add(diagnostic);
        ErrorCount += diagnostic.IsError ? 1 : 0;
    }

    /// <summary>Adds an error.</summary>
    public void Error(string code, SourceLocation location, string message) =>
        Add(new Diagnostic(code, DiagnosticSeverity.Error, location, message));

    /// <summary>Adds a warning.</summary>
    public void Warning(string code, SourceLocation location, string message) =>
        Add(new Diagnostic(code, DiagnosticSeverity.Warning, location, message));

    /// <summary>The diagnostics in file order, then line and column, errors and warnings together.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items.OrderBy(d => d.Location.File, StringComparer.Ordinal)
                  .ThenBy(d => d.Location.Line)
                  .ThenBy(d => d.Location.Column)];

    /// <inheritdoc />
    public IEnumerator<Diagnostic> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
