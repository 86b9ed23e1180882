using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>
/// Reads the keys of one mapping. Every key a reader asks for becomes part of the known vocabulary, so
/// <see cref="Finish"/> can warn about the keys nobody asked for, with the closest known key as a suggestion.
/// </summary>
internal sealed class MappingReader(FileContext context, YMapping mapping, string what)
{
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    public FileContext Context { get; } = context;

    public YMapping Node { get; } = mapping;

    public IEnumerable<KeyValuePair<YScalar, YNode>> Entries => Node.Entries;

    /// <summary>The value at <paramref name="key"/>; null when absent or written as an empty value.</summary>
    public YNode? Optional(string key)
    {
        _asked.Add(key);
        foreach (var entry in Node.Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Value is YScalar { IsNull: true } ? null : entry.Value;
            }
        }

        return null;
    }

    /// <summary>The value at <paramref name="key"/>, reporting its absence.</summary>
    public YNode? Required(string key)
    {
        var node = Optional(key);
        if (node is null)
        {
            Context.Error(DiagnosticCodes.MissingKey, Node, $"This {what} needs '{key}'.");
        }

        return node;
    }

    public string? String(string key, bool required = false) =>
        Get(key, required) is { } node ? Context.String(node, key) : null;

    public string? Identifier(string key, bool required = false) =>
        Get(key, required) is { } node ? Context.Identifier(node, key) : null;

    /// <summary>
    /// An id at <paramref name="key"/> that must name a declared <paramref name="kind"/> (within
    /// <paramref name="scope"/>); it is checked, with a suggestion, once everything has been read.
    /// </summary>
    public string? Reference(string key, string kind, References references, bool required = false, string scope = "", bool identifier = false)
    {
        if (Get(key, required) is not { } node)
        {
            return null;
        }

        var id = identifier ? Context.Identifier(node, key) : Context.String(node, key);
        if (id is not null)
        {
            references.Expect(kind, id, Context.At(node), scope);
        }

        return id;
    }

    public int? Integer(string key, int min, int max, bool required = false) =>
        Get(key, required) is { } node ? Context.Integer(node, key, min, max) : null;

    public decimal? Decimal(string key, bool required = false) =>
        Get(key, required) is { } node ? Context.Decimal(node, key) : null;

    public bool? Bool(string key, bool required = false) =>
        Get(key, required) is { } node ? Context.Bool(node, key) : null;

    public DateOnly? Date(string key, bool required = false) =>
        Get(key, required) is { } node ? Context.Date(node, key) : null;

    public TEnum? Word<TEnum>(string key, bool required = false)
        where TEnum : struct, Enum =>
        Get(key, required) is { } node ? Context.Word<TEnum>(node, key) : null;

    /// <summary>Reads <paramref name="key"/> and <paramref name="key"/>_en as one localized text.</summary>
    public LocalizedText? Text(string key, bool required = false)
    {
        var text = String(key, required);
        var english = String(key + "_en");
        return text is null ? null : new LocalizedText(text, english);
    }

    /// <summary>Reads a list, skipping items the reader could not make sense of (they were reported).</summary>
    public List<T> List<T>(string key, Func<YNode, T?> item, bool required = false)
    {
        var result = new List<T>();
        if (Get(key, required) is not { } node)
        {
            return result;
        }

        foreach (var child in Context.Sequence(node, key))
        {
            if (item(child) is { } value)
            {
                result.Add(value);
            }
        }

        return result;
    }

    /// <summary>Reads a list of vocabulary words, such as channels; unknown words are reported and skipped.</summary>
    public List<TEnum> Words<TEnum>(string key, string what, bool required = false)
        where TEnum : struct, Enum =>
        [.. List<TEnum?>(key, node => Context.Word<TEnum>(node, what), required).Select(word => word!.Value)];

    /// <summary>Warns about keys that no reader asked for; call after reading every key.</summary>
    public void Finish()
    {
        foreach (var key in Node.Entries.Select(e => e.Key).Where(k => !_asked.Contains(k.Value)))
        {
            Context.Warning(DiagnosticCodes.UnknownKey, key,
                $"'{key.Value}' is not a key of {FileContext.Article(what)} {what}, so it is ignored.{Suggestions.DidYouMean(key.Value, _asked)}");
        }
    }

    private YNode? Get(string key, bool required) => required ? Required(key) : Optional(key);
}
