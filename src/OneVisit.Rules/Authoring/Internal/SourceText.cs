using OneVisit.Rules.Diagnostics;
using YamlDotNet.Core;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>A file's text with its line starts, to turn character indexes into line and column.</summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    public string Path { get; }

    public string Text { get; }

    public SourceLocation At(int index)
    {
        index = Math.Clamp(index, 0, Text.Length);
        var line = Array.BinarySearch(_lineStarts, index);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourceLocation(Path, line + 1, index - _lineStarts[line] + 1);
    }

    public SourceLocation At(YNode node) => new(Path, node.Line, node.Column);

    /// <summary>
    /// Where character <paramref name="offset"/> of a scalar's value stands in the file. Walks the raw text
    /// alongside the value so quotes, escapes, block headers and folded line breaks are skipped correctly.
    /// </summary>
    public SourceLocation AtOffset(YScalar scalar, int offset)
    {
        var value = scalar.Value;
        var j = scalar.Index;
        var end = Math.Min(scalar.EndIndex, Text.Length);
        if (scalar.Style is ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted)
        {
            j++;
        }
        else if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            while (j < end && Text[j] != '\n')
            {
                j++;
            }
        }

        for (var i = 0; i < offset && i < value.Length && j < end; i++)
        {
            if (char.IsWhiteSpace(value[i]) && char.IsWhiteSpace(Text[j]))
            {
                j = SkipWhiteSpace(j, end, value, i);
                continue;
            }

            while (j < end && Text[j] != value[i])
            {
                j++; // an escape, a doubled quote or indentation that the value does not contain
            }

            j++;
        }

        while (j < end && char.IsWhiteSpace(Text[j]) && offset < value.Length && !char.IsWhiteSpace(value[offset]))
        {
            j++;
        }

        return At(j);
    }

    // One value space may stand for a line break plus indentation in the file (folding); consume all of it
    // unless the value itself continues with more white space.
    private int SkipWhiteSpace(int j, int end, string value, int i)
    {
        if (i + 1 < value.Length && char.IsWhiteSpace(value[i + 1]))
        {
            return j + 1;
        }

        while (j < end && char.IsWhiteSpace(Text[j]))
        {
            j++;
        }

        return j;
    }

    internal static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : (int)value;

    internal SourceLocation At(Mark mark) => new(Path, ToInt(mark.Line), ToInt(mark.Column));
}
