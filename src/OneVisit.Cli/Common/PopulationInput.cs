using System.Globalization;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Cli.Common;

/// <summary>
/// The population a command runs over, as <c>--population</c> names it: a file (<c>.jsonl</c>, <c>.csv</c>, a
/// <c>.yaml</c> spec), or <c>cases:&lt;first day&gt;..&lt;last day&gt;</c> for the applications of past cases in the store
/// <c>--db</c>/<c>--pg</c> names, opened read-only and kept open while the run pages through it.
/// </summary>
internal static class PopulationInput
{
    public const string CasesPrefix = "cases:";

    public const string Help = "a .jsonl or .csv file of situations, a .yaml spec to generate them from, or cases:<first day>..<last day> for past cases; see docs/populations.md";

    /// <summary>
    /// Calls <paramref name="run"/> with the population, or returns the exit code after saying what is wrong: a file that
    /// is not there or not a regular file, or a range that is not one, is usage (64); a store that cannot be read is as
    /// <see cref="CaseHistoryInput"/> says.
    /// </summary>
    public static async Task<int> WithAsync(
        string command, string value, Func<StoreTarget?> store, string catalogue, Terminal error, Func<Func<PopulationSource>, int> run, CancellationToken cancellationToken)
    {
        if (!value.StartsWith(CasesPrefix, StringComparison.Ordinal))
        {
            // Populations stream (a million situations never sit in memory), so no size limit; only the kind of file.
            var file = InputFile.Inspect(value);
            var refusal = file.Kind == FileKind.Missing ? $"there is no population file '{file.Path}' ({Help})." : file.Refusal("a population file");
            if (refusal is not null)
            {
                error.WriteLine($"onevisit {command}: {refusal}", ConsoleColour.Red);
                return ExitCodes.Usage;
            }

            return run(() => Rules.WhatIf.Populations.Population.FromFile(value));
        }

        if (!TryParseDays(value[CasesPrefix.Length..], out var from, out var to))
        {
            error.WriteLine($"onevisit {command}: '{value}' is not a range of days; write cases:2017-01-01..2017-12-31 (the first day, two dots, the last).", ConsoleColour.Red);
            return ExitCodes.Usage;
        }

        var (history, exitCode) = await CaseHistoryInput.OpenAsync(command, store(), catalogue, from, to, codes: null, timeZone: null, error, cancellationToken).ConfigureAwait(false);
        if (history is null)
        {
            return exitCode;
        }

        await using (history.ConfigureAwait(false))
        {
            return run(() => history.Population);
        }
    }

    private static bool TryParseDays(string range, out DateOnly from, out DateOnly to)
    {
        var parts = range.Split("..");
        from = default;
        to = default;
        return parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out to);
    }
}
