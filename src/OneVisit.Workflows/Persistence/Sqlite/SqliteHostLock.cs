using OneVisit.Workflows.Cases;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>
/// The one host allowed on a SQLite file: an exclusive lock on <c>&lt;database&gt;.lock</c>, held from the first
/// migration or write until the database is disposed. SQLite's own locks only serialize single transactions, so
/// two hosts on one file would each run the same cases' steps and timers, and lose decisions.
/// </summary>
/// <remarks>
/// The lock is the operating system's (a file opened with <see cref="FileShare.None"/>: <c>flock</c> on Unix, a
/// sharing lock on Windows), so it goes with the process: a host killed with <c>kill -9</c> leaves no stale lock.
/// The file itself stays (it is empty): deleting it on release would let a host that opened it just before lock an
/// unlinked file while a third host creates and locks a new one.
/// </remarks>
internal sealed class SqliteHostLock : IDisposable
{
    private readonly FileStream _file;

    private SqliteHostLock(FileStream file) => _file = file;

    /// <summary>Takes the lock, or throws <see cref="CaseStoreInUseException"/> when another host holds it.</summary>
    public static SqliteHostLock Acquire(string database)
    {
        var path = database + ".lock";
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = SqliteStoreFile.OwnerOnly;
        }

        try
        {
            return new SqliteHostLock(new FileStream(path, options));
        }
        catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            throw new CaseStoreInUseException(database, path, e);
        }
    }

    public void Dispose() => _file.Dispose();
}
