using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>
/// Ids declared and ids referred to, across files. References may point forward (a window names procedures
/// read later), so they are collected while reading and checked once at the end, each at its own position.
/// </summary>
internal sealed class References
{
    private readonly Dictionary<(string Kind, string Scope), Dictionary<string, SourceLocation>> _declared = [];
    private readonly List<(string Kind, string Scope, string Id, SourceLocation Location)> _expected = [];

    /// <summary>Declares an id; reports a duplicate and returns false when the id was declared before.</summary>
    public bool Declare(string kind, string id, SourceLocation location, DiagnosticBag diagnostics, string scope = "")
    {
        if (!_declared.TryGetValue((kind, scope), out var ids))
        {
            _declared[(kind, scope)] = ids = new(StringComparer.Ordinal);
        }

        if (ids.TryGetValue(id, out var first))
        {
            diagnostics.Error(DiagnosticCodes.DuplicateId, location,
                $"The {kind} '{id}' is declared twice; the first is at {first}. Give each its own {(kind == "procedure" ? "code" : "id")}.");
            return false;
        }

        ids[id] = location;
        return true;
    }

    public bool IsDeclared(string kind, string id, string scope = "") =>
        _declared.TryGetValue((kind, scope), out var ids) && ids.ContainsKey(id);

    public void Expect(string kind, string id, SourceLocation location, string scope = "") =>
        _expected.Add((kind, scope, id, location));

    /// <summary>Reports every reference to an id that was never declared, with the nearest declared id.</summary>
    public void Check(DiagnosticBag diagnostics, Func<string, bool> scopeExists, IReadOnlySet<string> incompleteKinds)
    {
        foreach (var (kind, scope, id, location) in _expected)
        {
            if (incompleteKinds.Contains(kind))
            {
                continue; // declared in a file that could not be read; its own error comes first
            }

            if (scope.Length > 0 && !scopeExists(scope))
            {
                continue; // the owner itself is unknown, and that was reported where it was named
            }

            var known = _declared.TryGetValue((kind, scope), out var ids) ? ids.Keys : Enumerable.Empty<string>();
            if (!known.Contains(id))
            {
                var where = scope.Length > 0 ? $" in '{scope}'" : string.Empty;
                diagnostics.Error(DiagnosticCodes.UnknownReference, location,
                    $"There is no {kind} '{id}'{where}.{Suggestions.DidYouMean(id, known)}");
            }
        }
    }
}
