namespace OneVisit.Cli.Common;

/// <summary>Where the tool finds what ships with it.</summary>
internal static class Samples
{
    /// <summary>The sample catalogue (Hangzhou, early 2017), copied beside the tool by the build and the package.</summary>
    public static string Catalogue => Path.Combine(AppContext.BaseDirectory, "samples", "hangzhou");

    /// <summary>The time zone of the sample catalogue's offices.</summary>
    public const string HangzhouTimeZone = "Asia/Shanghai";
}
