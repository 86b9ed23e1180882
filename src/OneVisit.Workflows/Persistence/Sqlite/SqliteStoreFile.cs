using Microsoft.Data.Sqlite;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>
/// The file a connection string names, and how it may be used: <see cref="Path"/> is null for an in-memory database
/// (nothing to guard or protect), and <see cref="ReadOnly"/> is true for <c>Mode=ReadOnly</c> (inspection: the file
/// is never created, migrated, locked or written).
/// </summary>
internal sealed record SqliteStoreFile(string? Path, bool ReadOnly, bool MayCreate)
{
    /// <summary>Read and write, created with mode 0600: the store holds applicants' personal data.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static SqliteStoreFile From(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        var readOnly = builder.Mode == SqliteOpenMode.ReadOnly;
        var mayCreate = builder.Mode == SqliteOpenMode.ReadWriteCreate;
        if (source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            // A URI filename: its query may say mode=memory or mode=ro as the connection string's Mode would.
            var query = source.IndexOf('?', StringComparison.Ordinal);
            var parameters = query < 0 ? "" : source[(query + 1)..];
            readOnly |= parameters.Contains("mode=ro", StringComparison.OrdinalIgnoreCase);
            var memory = parameters.Contains("mode=memory", StringComparison.OrdinalIgnoreCase);
            source = memory ? "" : Uri.UnescapeDataString(source[5..(query < 0 ? source.Length : query)]);
        }

        var inMemory = builder.Mode == SqliteOpenMode.Memory || source.Length == 0 || source == ":memory:";
        return new SqliteStoreFile(inMemory ? null : System.IO.Path.GetFullPath(source), readOnly, mayCreate && !readOnly);
    }

    /// <summary>
    /// Creates the store's file, empty and readable by its owner only, before SQLite opens it: SQLite would create
    /// it with the process's umask (often world-readable), and gives its -wal and -shm files the database's mode.
    /// An existing file keeps its mode: changing it would surprise whoever set it.
    /// </summary>
    public void CreateIfMissing()
    {
        if (Path is null || !MayCreate || OperatingSystem.IsWindows() || File.Exists(Path))
        {
            return;
        }

        try
        {
            using var created = new FileStream(Path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = OwnerOnly,
            });
        }
        catch (IOException) when (File.Exists(Path))
        {
            // Another process created it first; it chose the mode.
        }
        catch (DirectoryNotFoundException)
        {
            // SQLite reports the missing folder itself, as it would without this step.
        }
    }
}
