using System.Text;
using OneVisit.Rules.WhatIf.Populations.Internal;

namespace OneVisit.Rules.WhatIf.Populations;

/// <summary>
/// Situations from a JSON Lines file: one object per line,
/// <c>{"code": "330100-SC-0004", "weight": 1200, "facts": {"applicant.has_local_hukou": false}, "documents": [...]}</c>.
/// <c>weight</c> defaults to 1; blank lines are skipped; every fact is checked against the catalogue (docs/populations.md).
/// </summary>
public sealed class JsonLinesPopulation : FilePopulation
{
    /// <summary>A population read from <paramref name="path"/>, which must exist.</summary>
    /// <exception cref="PopulationException">There is no such file.</exception>
    public JsonLinesPopulation(string path)
        : base(path, "JSON Lines", ".jsonl")
    {
    }

    private protected override IEnumerable<Situation> Read(CatalogTerms terms) => ReadLines(new JsonLineReader(Path, terms));

    private IEnumerable<Situation> ReadLines(JsonLineReader reader)
    {
        using var text = PopulationFileChecks.OpenText(Path);
        var line = 0;
        while (NextLine(text, line + 1) is { } content)
        {
            line++;
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            yield return reader.Read(content, line);
        }
    }

    private string? NextLine(StreamReader text, int line)
    {
        try
        {
            return text.ReadLine();
        }
        catch (DecoderFallbackException e)
        {
            throw PopulationFileChecks.NotUtf8(Path, line, e);
        }
    }
}
