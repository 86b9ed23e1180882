using System.Globalization;
using System.Text;
using OneVisit.Rules.Authoring.Internal;
using OneVisit.Rules.WhatIf.Populations.Internal;

namespace OneVisit.Rules.WhatIf.Populations;

/// <summary>
/// Situations from a CSV file (RFC 4180, UTF-8): a header <c>code,weight,&lt;fact path&gt;,…</c>, then one situation
/// per row. An empty cell is an unknown fact; an empty or absent weight is 1. Values are written as in the catalogue:
/// <c>true</c>/<c>false</c>, numbers with a decimal point, dates as YYYY-MM-DD, enum values by name (docs/populations.md).
/// </summary>
public sealed class CsvPopulation : FilePopulation
{
    /// <summary>A population read from <paramref name="path"/>, which must exist.</summary>
    /// <exception cref="PopulationException">There is no such file.</exception>
    public CsvPopulation(string path)
        : base(path, "CSV", ".csv")
    {
    }

    private protected override IEnumerable<Situation> Read(CatalogTerms terms)
    {
        using var text = PopulationFileChecks.OpenText(Path);
        var records = new CsvRecordReader(text, Path);
        var cells = new List<string>();
        if (!Next(records, cells))
        {
            throw PopulationFileChecks.At(Path, 1, "the file is empty; its first line names the columns: code,weight,<fact path>,…");
        }

        var header = CsvHeader.Read(cells, terms, m => PopulationFileChecks.At(Path, records.RecordLine, m));
        while (Next(records, cells))
        {
            yield return Row(header, cells, records.RecordLine, terms);
        }
    }

    private bool Next(CsvRecordReader records, List<string> cells)
    {
        try
        {
            return records.TryRead(cells);
        }
        catch (DecoderFallbackException e)
        {
            throw PopulationFileChecks.NotUtf8(Path, records.RecordLine, e);
        }
    }

    private Situation Row(CsvHeader header, List<string> cells, int line, CatalogTerms terms)
    {
        if (cells.Count != header.Names.Length)
        {
            throw PopulationFileChecks.At(Path, line, $"this row has {cells.Count} cells and the header {header.Names.Length}; give every column a cell (empty for an unknown fact), and quote cells that hold commas.");
        }

        var code = cells[header.Code];
        if (code.Length == 0)
        {
            throw Cell(line, "code", "empty; name the procedure or bundle this situation applies for.");
        }

        if (terms.UnknownCode(code) is { } problem)
        {
            throw Cell(line, "code", problem);
        }

        var facts = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            if (header.Facts[i] is { } fact && cells[i].Length > 0)
            {
                facts[fact.Path] = FactValueReader.Parse(fact, cells[i]) ?? throw Cell(line, fact.Path, FactValueReader.WrongValue(fact, cells[i]));
            }
        }

        return new Situation { Code = code, Weight = Weight(header, cells, line), Facts = facts };
    }

    private double Weight(CsvHeader header, List<string> cells, int line)
    {
        if (header.Weight < 0 || cells[header.Weight].Length == 0)
        {
            return 1;
        }

        var text = cells[header.Weight];
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && double.IsFinite(weight) && weight > 0
            ? weight
            : throw Cell(line, "weight", $"'{text}' is not a weight; write how many cases a year the situation stands for, a positive number such as 1200 or 0.5.");
    }

    private PopulationException Cell(int line, string column, string message) =>
        PopulationFileChecks.At(Path, line, $"column '{column}': {message}");
}
