namespace OneVisit.Benchmarks;

/// <summary>The sample catalogue (catalog/hangzhou), found above the benchmark's folder.</summary>
internal static class SampleCatalogue
{
    public static string Directory { get; } = Locate();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "catalog", "hangzhou");
            if (File.Exists(Path.Combine(candidate, "catalog.yaml")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The sample catalogue (catalog/hangzhou) was not found above the benchmark's folder; run it from the repository.");
    }
}
