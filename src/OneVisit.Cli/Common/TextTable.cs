using System.Globalization;
using System.Text;

namespace OneVisit.Cli.Common;

/// <summary>
/// A table aligned for a terminal. Chinese characters take two columns in a terminal, so widths are counted in
/// display columns, not in chars; otherwise every row holding a procedure's name would push its neighbours out.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<(string[] Cells, ConsoleColour Tone)> _rows = [];

    public TextTable Add(ConsoleColour tone, params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row needs {headers.Length} cells, not {cells.Length}.", nameof(cells));
        }

        // A cell of several lines (a notice lists one material a line) continues on rows of its own.
        var lines = cells.Select(c => c.Split('\n', StringSplitOptions.TrimEntries)).ToArray();
        for (var row = 0; row < lines.Max(l => l.Length); row++)
        {
            _rows.Add((lines.Select(l => row < l.Length ? l[row] : "").ToArray(), row == 0 ? tone : ConsoleColour.Dim));
        }

        return this;
    }

    public TextTable Add(params string[] cells) => Add(ConsoleColour.None, cells);

    public int Count => _rows.Count;

    public void Write(Terminal output, string indent = "")
    {
        var widths = headers.Select(Width).ToArray();
        foreach (var (cells, _) in _rows)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Width(cells[i]));
            }
        }

        // A table of label/value rows has no header line: its headers are empty.
        if (headers.Any(h => h.Length > 0))
        {
            output.WriteLine(indent + Line(headers, widths), ConsoleColour.Dim);
        }

        foreach (var (cells, tone) in _rows)
        {
            output.WriteLine(indent + Line(cells, widths), tone);
        }
    }

    private static string Line(string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            line.Append(cells[i]);
            if (i < cells.Length - 1)
            {
                line.Append(' ', widths[i] - Width(cells[i]) + 2);
            }
        }

        return line.ToString().TrimEnd();
    }

    /// <summary>Display columns: two for East Asian wide characters (CJK, full-width forms), one otherwise.</summary>
    public static int Width(string text)
    {
        var width = 0;
        var runes = text.EnumerateRunes();
        foreach (var rune in runes)
        {
            width += IsWide(rune) ? 2 : Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format ? 0 : 1;
        }

        return width;
    }

    // The wide ranges of Unicode's East Asian Width property that a catalogue can contain.
    private static bool IsWide(Rune rune) => rune.Value is
        (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or
        (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or
        (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or
        (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD);
}
