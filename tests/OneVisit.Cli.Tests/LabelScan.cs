using System.Reflection;
using System.Text.RegularExpressions;
using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;

namespace OneVisit.Cli.Tests;

/// <summary>
/// Finds labels of one language left in output of the other: every fixed wording of a labels class (its strings,
/// and the fixed parts of what its functions write) is looked for in the output.
/// </summary>
internal static partial class LabelScan
{
    private const string Hole = "\u0001";

    /// <summary>The fixed wordings of <paramref name="labels"/>: each string property, and the text its functions write around their arguments.</summary>
    public static IEnumerable<string> Wordings(object labels) => labels.GetType()
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => p.GetValue(labels))
        .SelectMany(value => value switch
        {
            string text => [text],
            Delegate function => Fragments(function),
            IEnumerable<string> texts => texts,
            System.Collections.IDictionary words => words.Values.OfType<string>(),
            _ => [],
        })
        .Select(t => t.Trim())
        .Where(t => t.Length > 0)
        .Distinct(StringComparer.Ordinal);

    /// <summary>The catalogue's own words for the enums the terms translate (<c>not_yet</c>, <c>missing</c>, …).</summary>
    public static IEnumerable<string> CatalogueWords(params Type[] enums) =>
        enums.SelectMany(e => Enum.GetValues(e).Cast<Enum>()).Select(v => (string)typeof(CatalogWords).GetMethod(nameof(CatalogWords.Of))!.MakeGenericMethod(v.GetType()).Invoke(null, [v])!);

    /// <summary>
    /// The English wordings found in <paramref name="output"/> as words of their own, not inside an identifier or a
    /// path (so <c>window</c> is not found in <c>hz_general_window</c>, nor <c>province</c> in <c>company-name-province.yaml</c>).
    /// </summary>
    public static IReadOnlyList<string> EnglishIn(string output, IEnumerable<string> wordings) => wordings
        .Where(w => Regex.IsMatch(w, "[A-Za-z]{3,}"))
        .Where(w => Regex.IsMatch(output, $@"(?<![\w./-]){Regex.Escape(w)}(?![\w/-]|\.\w)"))
        .ToList();

    /// <summary>
    /// The Chinese wordings found in <paramref name="output"/>: anywhere when three characters or more, at the start
    /// of a line when two (shorter ones also occur in the catalogue's Chinese text, shown where it has no English).
    /// </summary>
    public static IReadOnlyList<string> ChineseIn(string output, IEnumerable<string> wordings) => wordings
        .Where(w => Cjk().Matches(w).Count >= 2)
        .Where(w => Cjk().Matches(w).Count >= 3
            ? output.Contains(w, StringComparison.Ordinal)
            : Regex.IsMatch(output, $@"(?m)^\s*{Regex.Escape(w)}"))
        .ToList();

    /// <summary><paramref name="output"/> without the given data, line by line: what the runtime or a script wrote is not a label.</summary>
    public static string Without(string output, IEnumerable<string> data)
    {
        foreach (var line in data.SelectMany(d => d.Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0).OrderByDescending(l => l.Length))
        {
            output = output.Replace(line, " ", StringComparison.Ordinal);
        }

        return output;
    }

    private static IEnumerable<string> Fragments(Delegate function)
    {
        var arguments = function.Method.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(string) => (object)Hole,
            var t when t == typeof(int) => 0,
            var t when t == typeof(long) => 0L,
            var t when t == typeof(bool) => false,
            var t when t == typeof(TimeSpan) => TimeSpan.Zero,
            var t => t.IsValueType ? Activator.CreateInstance(t)! : null!,
        }).ToArray();
        var written = function.DynamicInvoke(arguments) as string ?? "";
        return FragmentSplit().Split(written);
    }

    [GeneratedRegex("\u0001|[0-9]+")]
    private static partial Regex FragmentSplit();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();
}
