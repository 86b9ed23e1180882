using Microsoft.Data.Sqlite;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Storage;

/// <summary>The store holds applicants' personal data: a file the host creates is readable by its owner only.</summary>
public sealed class StoreFileModeTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task NewStore_ItsWalShmAndLockFiles_AreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix modes only; on Windows the folder's ACL applies.
        }

        var directory = Directory.CreateTempSubdirectory("onevisit-mode-").FullName;
        try
        {
            await using var harness = await CaseHarness.StartAsync(directory: directory);
            await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", "mode-1"));

            foreach (var file in new[] { "cases.db", "cases.db-wal", "cases.db-shm", "cases.db.lock" })
            {
                var path = Path.Combine(directory, file);
                Assert.True(File.Exists(path), $"{file} was not created");
                Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task ExistingStore_KeepsTheModeItsOwnerGaveIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var directory = Directory.CreateTempSubdirectory("onevisit-mode-").FullName;
        var database = Path.Combine(directory, "cases.db");
        const UnixFileMode Shared = OwnerOnly | UnixFileMode.GroupRead;
        try
        {
            // An empty file is an empty SQLite database.
            File.WriteAllBytes(database, []);
            File.SetUnixFileMode(database, Shared);

            await using (await CaseHarness.StartAsync(directory: directory))
            {
                Assert.Equal(Shared, File.GetUnixFileMode(database));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
