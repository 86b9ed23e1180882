namespace OneVisit.Tests.Shared;

/// <summary>Where the machine's Chromium-family browser is, for the tests that render pages in it (guides, reports, OneVisit.Web).</summary>
internal static class ChromiumPath
{
    public const string InstallHint = "Install it with: apt-get install chromium fonts-wqy-microhei";

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The first Chromium-family browser on the PATH, or null.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => Names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
}
