using System.Globalization;
using Microsoft.AspNetCore.Http;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;

namespace OneVisit.Web.Pages.Internal;

/// <summary>
/// The answers given so far in "check before you start", carried from page to page in the forms' hidden fields,
/// never in a URL or a server-side session: what a person says about themselves is personal data. Each answer is
/// checked against the catalogue's fact types every time it arrives, so a tampered field is dropped, not trusted.
/// </summary>
internal sealed class Answers
{
    private const string AnswerPrefix = "answer:";
    private const string SkippedField = "skipped";
    private readonly Dictionary<string, string> _given = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _skipped = new(StringComparer.Ordinal);
    private readonly FactSchema _schema;

    private Answers(FactSchema schema) => _schema = schema;

    /// <summary>How many questions were answered or skipped.</summary>
    public int Count => _given.Count + _skipped.Count;

    public static Answers None(FactSchema schema) => new(schema);

    public static Answers From(IFormCollection form, FactSchema schema)
    {
        var answers = new Answers(schema);
        foreach (var (key, value) in form)
        {
            if (key.StartsWith(AnswerPrefix, StringComparison.Ordinal) && key[AnswerPrefix.Length..] is var path && answers.Parse(path, value.ToString()) is not null)
            {
                answers._given[path] = value.ToString();
            }
        }

        foreach (var path in form[SkippedField])
        {
            if (path is not null && schema.Definition(path) is not null)
            {
                answers._skipped.Add(path);
            }
        }

        return answers;
    }

    /// <summary>Whether <paramref name="path"/> was answered or skipped: it is never asked again.</summary>
    public bool Asked(string path) => _given.ContainsKey(path) || _skipped.Contains(path);

    public void Skip(string path) => _skipped.Add(path);

    /// <summary>Records <paramref name="value"/> for <paramref name="path"/>; false with what is wrong when it is not of the fact's type.</summary>
    public bool TryGive(string path, string? value, Words words, out string? problem)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = words.AnswerNeeded;
            return false;
        }

        if (Parse(path, value.Trim()) is null)
        {
            problem = _schema.Find(path)?.Type.Kind switch
            {
                FactKind.Number or FactKind.Money => words.NumberNeeded,
                FactKind.Date => words.DateNeeded,
                _ => words.AnswerNeeded,
            };
            return false;
        }

        problem = null;
        _given[path] = value.Trim();
        return true;
    }

    /// <summary>The answers as the precheck takes them: typed by the catalogue's facts.</summary>
    public IReadOnlyDictionary<string, object?> Facts() =>
        _given.ToDictionary(a => a.Key, a => Parse(a.Key, a.Value), StringComparer.Ordinal);

    /// <summary>The hidden fields that carry the answers to the next page.</summary>
    public void WriteHidden(Html html)
    {
        foreach (var (path, value) in _given.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            html.Void("input", ("type", "hidden"), ("name", AnswerPrefix + path), ("value", value));
        }

        foreach (var path in _skipped)
        {
            html.Void("input", ("type", "hidden"), ("name", SkippedField), ("value", path));
        }
    }

    // Whether the value fits the fact's type, and the typed value; TryGive says what is wrong, in the page's language.
    private object? Parse(string path, string value)
    {
        if (_schema.Find(path) is not { } fact)
        {
            return null;
        }

        switch (fact.Type.Kind)
        {
            case FactKind.Bool:
                return value switch { "true" => true, "false" => false, _ => null };
            case FactKind.Number or FactKind.Money:
                if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    return number;
                }

                return null;
            case FactKind.Date:
                return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
            case FactKind.Enum:
                return fact.Type.Allows(value) ? value : null;
            default:
                return value.Length <= 200 ? value : null;
        }
    }
}
