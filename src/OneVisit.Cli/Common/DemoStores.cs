using System.Globalization;
using System.Security.Cryptography;

namespace OneVisit.Cli.Common;

/// <summary>
/// The demo's case stores: a new file for each run of <c>onevisit demo</c> without <c>--db</c>, so two demos at
/// once never share one, and the newest is what <c>onevisit cases</c> reads when no <c>--db</c> is given.
/// </summary>
internal static class DemoStores
{
    /// <summary>Stores untouched this long are removed when a demo starts: the temp folder does not fill up.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    /// <summary>Where they are: <c>onevisit-demo</c> in the temp folder.</summary>
    public static string Folder => Path.Combine(Path.GetTempPath(), "onevisit-demo");

    /// <summary>A new, empty store named by the time and a random part (<c>cases-20250301-101500-3f9a1c.db</c>), created so no other run can take it.</summary>
    public static string CreateNew(TimeProvider time)
    {
        Directory.CreateDirectory(Folder);
        while (true)
        {
            var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var path = Path.Combine(Folder, $"cases-{stamp}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}.db");
            try
            {
                // CreateNew fails if the name is taken; SQLite makes a database of the empty file.
                new FileStream(path, FileMode.CreateNew, FileAccess.Write).Dispose();
                return path;
            }
            catch (IOException) when (File.Exists(path))
            {
                // The same second and the same random part: draw again.
            }
        }
    }

    /// <summary>The store the latest demo wrote to, or null when no demo has run.</summary>
    public static string? Newest() => Stores()
        .OrderByDescending(f => f.LastWriteTimeUtc)
        .ThenByDescending(f => f.Name, StringComparer.Ordinal)
        .FirstOrDefault()?.FullName;

    /// <summary>Removes stores (and SQLite's companion files) not written for <see cref="KeptFor"/>.</summary>
    public static void RemoveOld(TimeProvider time)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - KeptFor;
        foreach (var store in Stores().Where(f => f.LastWriteTimeUtc < cutoff))
        {
            foreach (var file in new[] { store.FullName, store.FullName + "-wal", store.FullName + "-shm" })
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // In use or gone already: the next demo tries again.
                }
                catch (UnauthorizedAccessException)
                {
                    // Another user's store in a shared temp folder: theirs to remove.
                }
            }
        }
    }

    private static IEnumerable<FileInfo> Stores() =>
        Directory.Exists(Folder) ? new DirectoryInfo(Folder).EnumerateFiles("cases-*.db") : [];
}
