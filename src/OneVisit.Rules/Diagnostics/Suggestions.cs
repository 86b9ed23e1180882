namespace OneVisit.Rules.Diagnostics;

/// <summary>"Did you mean …" for misspelt names: the closest candidate by edit distance, if close enough.</summary>
public static class Suggestions
{
    /// <summary>
    /// The candidate nearest to <paramref name="misspelt"/>, or null when none is plausibly what was meant.
    /// A candidate qualifies within one edit per three characters (at least one), adjacent swaps counting once;
    /// failing that, the shortest candidate that starts with the text (<c>resident_id</c> → <c>resident_id_card</c>).
    /// </summary>
    public static string? Closest(string misspelt, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(misspelt);
        ArgumentNullException.ThrowIfNull(candidates);
        var limit = Math.Max(1, misspelt.Length / 3);
        string? best = null;
        string? completion = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            // A shortened id is a common slip; four characters keep "a" from completing to everything.
            if (misspelt.Length >= 4 && candidate.Length > misspelt.Length
                && candidate.StartsWith(misspelt, StringComparison.OrdinalIgnoreCase)
                && (completion is null || candidate.Length < completion.Length))
            {
                completion = candidate;
            }

            // Long candidates cannot be close to a short word; skip them before the quadratic distance.
            if (Math.Abs(candidate.Length - misspelt.Length) > limit)
            {
                continue;
            }

            var distance = Distance(misspelt, candidate);
            if (distance <= limit && distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best ?? completion;
    }

    /// <summary>The text " Did you mean 'x'?" for a message, or an empty string.</summary>
    public static string DidYouMean(string misspelt, IEnumerable<string> candidates) =>
        Closest(misspelt, candidates) is { } hit ? $" Did you mean '{hit}'?" : string.Empty;

    /// <summary>Optimal string alignment distance, case-insensitive (a policy officer's caps are not a new name).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
