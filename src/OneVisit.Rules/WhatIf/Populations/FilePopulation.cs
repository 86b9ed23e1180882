using OneVisit.Rules.Catalog;
using OneVisit.Rules.WhatIf.Populations.Internal;

namespace OneVisit.Rules.WhatIf.Populations;

/// <summary>
/// Situations read from a file (<see cref="JsonLinesPopulation"/>, <see cref="CsvPopulation"/>): what the two have
/// in common — the file must exist, its bytes are its hash, and once read through it says how many situations it held.
/// </summary>
public abstract class FilePopulation : PopulationSource
{
    private readonly string _format;
    private string? _hash;
    private long? _count;

    /// <summary>A population of <paramref name="path"/>, in <paramref name="format"/> (named in the description and in the error when the file is missing).</summary>
    /// <exception cref="PopulationException">There is no such file.</exception>
    private protected FilePopulation(string path, string format, string extension)
    {
        PopulationFileChecks.MustExist(path, $"{format} ({extension})");
        Path = path;
        _format = format;
    }

    /// <summary>The file as given.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override PopulationKind Kind => PopulationKind.File;

    /// <summary>The file's name and format, and once it has been read through, how many situations it holds.</summary>
    public override string Description => _count is { } count
        ? FormattableString.Invariant($"{System.IO.Path.GetFileName(Path)} ({_format}, {count:N0} situations)")
        : $"{System.IO.Path.GetFileName(Path)} ({_format})";

    /// <summary>The SHA-256 of the file's bytes.</summary>
    public override string ContentHash => _hash ??= FileHash.Of(Path);

    /// <inheritdoc />
    public sealed override IEnumerable<Situation> Read(ProcedureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Counted(Read(new CatalogTerms(catalog)));
    }

    /// <summary>The file's situations, each checked against the catalogue's terms.</summary>
    private protected abstract IEnumerable<Situation> Read(CatalogTerms terms);

    private IEnumerable<Situation> Counted(IEnumerable<Situation> situations)
    {
        long count = 0;
        foreach (var situation in situations)
        {
            count++;
            yield return situation;
        }

        _count = count;
    }
}
