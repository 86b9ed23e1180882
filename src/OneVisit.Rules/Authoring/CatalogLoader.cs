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

    /// <summary>
    /// A SHA-256 over the files that make the catalogue (catalog.yaml, facts.yaml, authorities.yaml, documents.yaml,
    /// procedures/ and bundles/: their paths relative to <paramref name="directory"/> and their bytes, in ordinal order
    /// of path; not its tests, sample applications, reforms or populations), lower-case hex: the same files give the same hash on any machine, so a what-if run
    /// record names exactly the catalogue it ran on.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static string ContentHash(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"There is no catalogue folder '{directory}'.");
        }

        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Select(f => (Relative: Path.GetRelativePath(directory, f).Replace('\\', '/'), Full: f))
            .Where(f => !f.Relative.Contains('/', StringComparison.Ordinal) || f.Relative.StartsWith("procedures/", StringComparison.Ordinal) || f.Relative.StartsWith("bundles/", StringComparison.Ordinal))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (relative, full) in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(relative + "\n"));
            hash.AppendData(File.ReadAllBytes(full));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
