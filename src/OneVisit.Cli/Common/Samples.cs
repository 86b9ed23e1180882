namespace OneVisit.Cli.Common;

/// <summary>Where the tool finds what ships with it, and where the demo keeps its cases by default.</summary>
internal static class Samples
{
    /// <summary>The sample catalogue (Hangzhou, early 2017), copied beside the tool by the build and the package.</summary>
    public static string Catalogue => Path.Combine(AppContext.BaseDirectory, "samples", "hangzhou");

    /// <summary>The demo's own database: replaced by each run of <c>onevisit demo</c> without <c>--db</c>.</summary>
    public static string DemoDatabase => Path.Combine(Path.GetTempPath(), "onevisit-demo", "cases.db");

    /// <summary>The time zone of the sample catalogue's offices.</summary>
    public const string HangzhouTimeZone = "Asia/Shanghai";
}
