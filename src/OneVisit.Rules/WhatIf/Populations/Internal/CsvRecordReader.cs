using System.Text;

namespace OneVisit.Rules.WhatIf.Populations.Internal;

/// <summary>
/// Splits CSV text into records by RFC 4180: fields separated by commas, records by CRLF, LF or CR; a field in
/// double quotes may hold commas, line breaks and doubled quotes (<c>""</c>). Blank lines are skipped.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, string path)
{
    private readonly StringBuilder _field = new();
    private int _line = 1;
    private bool _lastQuoted;

    /// <summary>The line the last record read started on, for messages.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the text.</summary>
    public bool TryRead(List<string> fields)
    {
        fields.Clear();
        while (true)
        {
            RecordLine = _line;
            var ended = ReadRecord(fields);
            var blank = fields.Count == 1 && fields[0].Length == 0 && !_lastQuoted;
            if (!blank)
            {
                return true;
            }

            fields.Clear();
            if (ended)
            {
                return false;
            }
        }
    }

    // Returns true when the text ended with this record.
    private bool ReadRecord(List<string> fields)
    {
        while (true)
        {
            _field.Clear();
            _lastQuoted = reader.Peek() == '"';
            var next = _lastQuoted ? ReadQuoted() : ReadPlain();
            fields.Add(_field.ToString());
            switch (next)
            {
                case ',':
                    continue;
                case -1:
                    return true;
                default:
                    EndLine(next);
                    return reader.Peek() == -1;
            }
        }
    }

    private int ReadPlain()
    {
        while (true)
        {
            var c = reader.Read();
            switch (c)
            {
                case -1 or ',' or '\r' or '\n':
                    return c;
                case '"':
                    throw PopulationFileChecks.At(path, _line, "a double quote inside a field that does not start with one; put the whole field in double quotes and double the quote (\"say \"\"hi\"\"\").");
                default:
                    _field.Append((char)c);
                    break;
            }
        }
    }

    private int ReadQuoted()
    {
        var start = _line;
        reader.Read();
        while (true)
        {
            var c = reader.Read();
            if (c == -1)
            {
                throw PopulationFileChecks.At(path, start, "a quoted field starts here and never ends; close it with a double quote.");
            }

            if (c == '"')
            {
                if (reader.Peek() != '"')
                {
                    return AfterQuote();
                }

                reader.Read();
            }
            else if (c == '\n' || (c == '\r' && reader.Peek() != '\n'))
            {
                _line++;
            }

            _field.Append((char)c);
        }
    }

    private int AfterQuote()
    {
        var c = reader.Read();
        return c is -1 or ',' or '\r' or '\n'
            ? c
            : throw PopulationFileChecks.At(path, _line, "text after a quoted field's closing quote; put a comma after it, or double a quote meant inside the field (\"\").");
    }

    private void EndLine(int c)
    {
        if (c == '\r' && reader.Peek() == '\n')
        {
            reader.Read();
        }

        _line++;
    }
}
