using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Testing.Internal;

/// <summary>
/// <c>open_questions</c>, when a case gives it, is the exact set of questions, in any order; <c>[]</c> means none.
/// Questions the precheck did not ask and questions it asked beyond the list are reported apart.
/// </summary>
internal static class OpenQuestionComparison
{
    public static IEnumerable<PolicyMismatch> Compare(IReadOnlyList<FactSymbol>? expected, IReadOnlyList<OpenQuestion> actual)
    {
        if (expected is null)
        {
            yield break;
        }

        var wanted = expected.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var asked = actual.Select(q => q.Path).ToList();
        var got = asked.Count == 0 ? "none" : string.Join(", ", asked);
        var missing = wanted.Where(p => !asked.Contains(p, StringComparer.Ordinal)).ToList();
        var extra = asked.Where(p => !wanted.Contains(p)).ToList();
        if (missing.Count > 0)
        {
            yield return new("open_questions", $"to include {string.Join(", ", missing)}", got);
        }

        if (extra.Count > 0)
        {
            yield return wanted.Count == 0
                ? new("open_questions", "none", got)
                : new("open_questions", $"only {string.Join(", ", wanted)}", $"also {string.Join(", ", extra)}");
        }
    }
}
