namespace OneVisit.Cli.Tests;

/// <summary>Runs the onevisit command in-process, capturing what it prints.</summary>
internal static class Cli
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliApp.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>A copy of the sample catalogue in a temporary folder, to break on purpose.</summary>
internal sealed class CatalogueCopy : IDisposable
{
    public CatalogueCopy()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "onevisit-cli-tests", Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.SampleCatalogue, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(RepositoryRoot.SampleCatalogue, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>An empty temporary folder.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("onevisit-cli-tests-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
