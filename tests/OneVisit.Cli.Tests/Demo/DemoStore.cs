namespace OneVisit.Cli.Tests.Demo;

/// <summary>One run of <c>onevisit demo</c> into a temporary database, shared by the tests that read it.</summary>
public sealed class DemoStore : IDisposable
{
    public DemoStore()
    {
        Folder = Directory.CreateTempSubdirectory("onevisit-demo-tests-").FullName;
        Database = Path.Combine(Folder, "cases.db");
        (ExitCode, Output, Error) = Cli.Run("demo", "--db", Database);
    }

    public string Folder { get; }

    public string Database { get; }

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
