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
    /// alongside the value: quotes, escapes (<c>\u6D59</c>, an escaped line break), doubled single quotes,
    /// block headers, indentation and folded line breaks are in the file but not, or not as such, in the value.
    /// </summary>
    public SourceLocation AtOffset(YScalar scalar, int offset)
    {
        var value = scalar.Value;
        var end = Math.Min(scalar.EndIndex, Text.Length);
        var j = scalar.Index;
        if (scalar.Style is ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted)
        {
            j++;
        }
        else if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            j = Text.IndexOf('\n', j) is var n and >= 0 ? n : end;
        }

        var i = 0;
        while (i < offset && i < value.Length && j < end)
        {
            var raw = Text[j];
            if (scalar.Style == ScalarStyle.DoubleQuoted && raw == '\\')
            {
                var (consumed, produced) = Escape(j, end);
                j += consumed;
                i += produced;
            }
            else if (scalar.Style == ScalarStyle.SingleQuoted && raw == '\'' && j + 1 < end && Text[j + 1] == '\'')
            {
                j += 2;
                i++;
            }
            else if (char.IsWhiteSpace(value[i]) && char.IsWhiteSpace(raw))
            {
                j = SkipWhiteSpace(j, end, value, i);
                i++;
            }
            else
            {
                // Equal characters advance together; anything else in the file (indentation, spaces before a
                // folded line break) is not in the value and is stepped over.
                i += raw == value[i] ? 1 : 0;
                j++;
            }
        }

        // The character sought may follow what the value does not contain: an escaped line break, indentation.
        while (scalar.Style == ScalarStyle.DoubleQuoted && j + 1 < end && Text[j] == '\\' && Text[j + 1] is '\r' or '\n')
        {
            j += Escape(j, end).Consumed;
        }

        while (j < end && char.IsWhiteSpace(Text[j]) && offset < value.Length && !char.IsWhiteSpace(value[offset]))
        {
            j++;
        }

        return At(j);
    }

    /// <summary>A double-quoted escape at <paramref name="j"/>: how many file characters it spans, how many value characters it makes.</summary>
    private (int Consumed, int Produced) Escape(int j, int end)
    {
        var next = j + 1 < end ? Text[j + 1] : '\0';
        switch (next)
        {
            case 'x':
                return (4, 1);
            case 'u':
                return (6, 1);
            case 'U':
                var wide = j + 10 <= end && int.TryParse(Text.AsSpan(j + 2, 8), System.Globalization.NumberStyles.HexNumber, null, out var code) && code > 0xFFFF;
                return (10, wide ? 2 : 1);
            case '\r' or '\n':
                // An escaped line break joins the lines: the break and the next line's indentation vanish.
                var k = j + 1;
                k += Text[k] == '\r' && k + 1 < end && Text[k + 1] == '\n' ? 2 : 1;
                while (k < end && Text[k] is ' ' or '\t')
                {
                    k++;
                }

                return (k - j, 0);
            default:
                return (2, 1);
        }
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
