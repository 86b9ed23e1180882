using System.Globalization;
using System.Text.RegularExpressions;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Catalog.Internal;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>
/// Reading helpers for one file: each turns a node into a value or reports, at the node's position, what was
/// expected. A helper that fails returns null and the reader goes on, so one run finds every problem.
/// </summary>
internal sealed partial class FileContext(SourceText source, DiagnosticBag diagnostics)
{
    public SourceText Source { get; } = source;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>facts.yaml could not be read: unknown facts are not reported, since they may be declared there.</summary>
    public bool FactsIncomplete { get; init; }

    /// <summary>Reports an unknown fact unless facts.yaml could not be read.</summary>
    public void UnknownFact(YNode node, string path, FactSchema facts)
    {
        if (!FactsIncomplete)
        {
            Error(DiagnosticCodes.UnknownReference, node,
                $"'{path}' is not declared in facts.yaml.{Suggestions.DidYouMean(path, facts.Facts.Select(f => f.Path))}");
        }
    }

    public SourceLocation At(YNode node) => Source.At(node);

    public void Error(string code, YNode node, string message) => Diagnostics.Error(code, At(node), message);

    public void Warning(string code, YNode node, string message) => Diagnostics.Warning(code, At(node), message);

    public MappingReader? Mapping(YNode? node, string what)
    {
        if (node is YMapping mapping)
        {
            return new MappingReader(this, mapping, what);
        }

        if (node is not null)
        {
            Error(DiagnosticCodes.WrongShape, node, $"Expected {Article(what)} {what} written as key: value lines, but found {node.Shape}.");
        }

        return null;
    }

    public IReadOnlyList<YNode> Sequence(YNode node, string what)
    {
        if (node is YSequence sequence)
        {
            return sequence.Items;
        }

        if (node is YScalar { IsNull: true })
        {
            return [];
        }

        Error(DiagnosticCodes.WrongShape, node, $"Expected a list of {what} (lines starting with '- '), but found {node.Shape}.");
        return [];
    }

    public string? String(YNode node, string what)
    {
        if (node is YScalar { IsNull: false } scalar)
        {
            return scalar.Value;
        }

        Error(DiagnosticCodes.WrongShape, node, $"Expected {what} as a single value, but found {node.Shape}.");
        return null;
    }

    public string? Identifier(YNode node, string what)
    {
        var text = String(node, what);
        if (text is null)
        {
            return null;
        }

        if (!SnakeCase().IsMatch(text))
        {
            Error(DiagnosticCodes.InvalidIdentifier, node,
                $"'{text}' is not a valid {what}: use lower-case letters, digits and '_', starting with a letter (e.g. {SuggestSnakeCase(text)}).");
            return null;
        }

        return text;
    }

    public int? Integer(YNode node, string what, int min, int max)
    {
        var text = String(node, what);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(DiagnosticCodes.InvalidValue, node, $"'{text}' is not a valid {what}: write a whole number from {min} to {max:N0}.");
            return null;
        }

        return value;
    }

    public decimal? Decimal(YNode node, string what)
    {
        var text = String(node, what);
        if (text is null)
        {
            return null;
        }

        if (!Scalars.TryDecimal(text, out var value))
        {
            Error(DiagnosticCodes.InvalidValue, node, $"'{text}' is not a valid {what}: write a number such as 10 or 12.50.");
            return null;
        }

        return value;
    }

    public bool? Bool(YNode node, string what)
    {
        var text = String(node, what);
        switch (text)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Error(DiagnosticCodes.InvalidValue, node, $"'{text}' is not a valid {what}: write true or false.");
                return null;
        }
    }

    public DateOnly? Date(YNode node, string what)
    {
        var text = String(node, what);
        if (text is null)
        {
            return null;
        }

        if (!Scalars.TryDate(text, out var date))
        {
            Error(DiagnosticCodes.InvalidValue, node, $"'{text}' is not a valid {what}: write a date that exists as YYYY-MM-DD, e.g. 2017-02-18.");
            return null;
        }

        return date;
    }

    public TEnum? Word<TEnum>(YNode node, string what)
        where TEnum : struct, Enum
    {
        var text = String(node, what);
        if (text is null)
        {
            return null;
        }

        if (Vocabulary<TEnum>.TryParse(text, out var value))
        {
            return value;
        }

        Error(DiagnosticCodes.InvalidValue, node,
            $"'{text}' is not a valid {what}; write one of: {string.Join(", ", Vocabulary<TEnum>.Words)}.{Suggestions.DidYouMean(text, Vocabulary<TEnum>.Words)}");
        return null;
    }

    public PolicyCondition? Condition(YNode node, string what, IFactResolver facts)
    {
        if (node is not YScalar { IsNull: false } scalar)
        {
            Error(DiagnosticCodes.WrongShape, node, $"Expected {what} as one line of text, but found {node.Shape}.");
            return null;
        }

        var result = ConditionLanguage.Parse(scalar.Value, facts);
        foreach (var error in result.Errors.Where(e => !FactsIncomplete || e.Code != DiagnosticCodes.UnknownFact))
        {
            Diagnostics.Error(error.Code, Source.AtOffset(scalar, error.Offset), error.Message);
        }

        return result.Condition is { } condition ? new PolicyCondition(condition, Source.AtOffset(scalar, 0)) : null;
    }

    /// <summary>"a" or "an", for messages that name a kind of thing.</summary>
    public static string Article(string noun) => noun.Length > 0 && "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    private static string SuggestSnakeCase(string text)
    {
        var cleaned = NonWord().Replace(text.Trim().ToLowerInvariant(), "_").Trim('_');
        return cleaned.Length > 0 && char.IsAsciiLetterLower(cleaned[0]) ? cleaned : "my_id";
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
