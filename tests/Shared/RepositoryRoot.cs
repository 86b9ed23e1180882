namespace OneVisit.Tests.Shared;

/// <summary>Finds files of this repository (the sample catalogue) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string SampleCatalogue => System.IO.Path.Combine(Path, "catalog", "hangzhou");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OneVisit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No OneVisit.sln above {AppContext.BaseDirectory}.");
    }
}
