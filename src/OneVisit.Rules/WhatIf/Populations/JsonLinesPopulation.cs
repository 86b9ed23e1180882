using System.Text;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.WhatIf.Populations.Internal;

namespace OneVisit.Rules.WhatIf.Populations;

/// <summary>
/// Situations from a JSON Lines file: one object per line,
/// <c>{"code": "330100-SC-0004", "weight": 1200, "facts": {"applicant.has_local_hukou": false}, "documents": [...]}</c>.
/// <c>weight</c> defaults to 1; blank lines are skipped; every fact is checked against the catalogue (docs/populations.md).
/// </summary>
public sealed class JsonLinesPopulation : PopulationSource
{
    private string? _hash;
    private long? _count;

    /// <summary>A population read from <paramref name="path"/>, which must exist.</summary>
    /// <exception cref="PopulationException">There is no such file.</exception>
    public JsonLinesPopulation(string path)
    {
        PopulationFileChecks.MustExist(path, "JSON Lines (.jsonl)");
        Path = path;
    }

    /// <summary>The file as given.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override PopulationKind Kind => PopulationKind.File;

    /// <summary>The file's name and format, and once it has been read through, how many situations it holds.</summary>
    public override string Description => _count is { } count
        ? FormattableString.Invariant($"{System.IO.Path.GetFileName(Path)} (JSON Lines, {count:N0} situations)")
        : $"{System.IO.Path.GetFileName(Path)} (JSON Lines)";

    /// <summary>The SHA-256 of the file's bytes.</summary>
    public override string ContentHash => _hash ??= FileHash.Of(Path);

    /// <inheritdoc />
    public override IEnumerable<Situation> Read(ProcedureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return ReadLines(new JsonLineReader(Path, new CatalogTerms(catalog)));
    }

    private IEnumerable<Situation> ReadLines(JsonLineReader reader)
    {
        using var text = PopulationFileChecks.OpenText(Path);
        var line = 0;
        long count = 0;
        while (NextLine(text, line + 1) is { } content)
        {
            line++;
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            count++;
            yield return reader.Read(content, line);
        }

        _count = count;
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
