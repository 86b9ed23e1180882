using YamlDotNet.Core;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>
/// A minimal YAML tree with positions. We build it ourselves from parser events so that aliases, duplicate
/// keys and nesting can be reported with their place instead of failing the whole file.
/// </summary>
internal abstract class YNode(int line, int column, int index)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>0-based character index of the node's first character in the file.</summary>
    public int Index { get; } = index;

    public abstract string Shape { get; }
}

internal sealed class YScalar(int line, int column, int index, int endIndex, string value, ScalarStyle style)
    : YNode(line, column, index)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    public int EndIndex { get; } = endIndex;

    /// <summary>A plain empty, <c>~</c> or <c>null</c> scalar: YAML's way to say "no value".</summary>
    public bool IsNull => Style is ScalarStyle.Plain or ScalarStyle.Any && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Shape => IsNull ? "an empty value" : "a single value";
}

internal sealed class YMapping(int line, int column, int index) : YNode(line, column, index)
{
    public List<KeyValuePair<YScalar, YNode>> Entries { get; } = [];

    /// <summary>Each key's first occurrence; a hash, so that a hostile mapping with 100,000 keys stays linear.</summary>
    public Dictionary<string, YScalar> FirstKeys { get; } = new(StringComparer.Ordinal);

    public override string Shape => "a mapping (key: value lines)";
}

internal sealed class YSequence(int line, int column, int index) : YNode(line, column, index)
{
    public List<YNode> Items { get; } = [];

    public override string Shape => "a list";
}
