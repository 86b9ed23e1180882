using OneVisit.Rules.Authoring.Internal;
using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Authoring;

/// <summary>
/// Loads a catalogue folder (see <c>docs/catalog-format.md</c>) into a <see cref="ProcedureCatalog"/>, reporting
/// every problem with file, line and column. Hostile input (huge files, invalid UTF-8, alias bombs, deep nesting,
/// enormous conditions) is reported as an error, never a crash or a hang.
/// </summary>
public static class CatalogLoader
{
    /// <summary>The largest catalogue file read, in bytes (1 MiB). A service guide is a few kilobytes.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Loads the catalogue in <paramref name="directory"/>. Never throws for problems in the files.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static CatalogLoadResult Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"There is no catalogue folder '{directory}'.");
        }

        return new LoadSession(directory).Run();
    }
}
