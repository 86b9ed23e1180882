namespace OneVisit.Cli.Tests.Guide.Rendering;

/// <summary>What every rendered page is expected to be, in every frame.</summary>
/// <param name="Chinese">Whether it shows Chinese text, which a real CJK font must draw.</param>
/// <param name="Headings">Its section headings in order; null to leave them unchecked.</param>
/// <param name="Lang">The language its html element declares.</param>
internal sealed record PageExpectation(bool Chinese, string[]? Headings, string Lang);

/// <summary>The checks the guide, visits and what-if pages share, and their screenshots.</summary>
internal static partial class RenderHarness
{
    /// <summary>
    /// For each frame (phone, A4): the page reported, does not scroll sideways, draws Chinese with a CJK font, has the
    /// headings and language expected; then the page's own checks (<paramref name="more"/>: where, mode, report).
    /// </summary>
    public static IEnumerable<string> Problems(string id, IReadOnlyList<FrameReport> reports, PageExpectation expect, Func<string, string, FrameReport, IEnumerable<string>>? more = null)
    {
        foreach (var (mode, width) in Modes)
        {
            var where = $"{id} at {width} px ({mode})";
            var report = reports.FirstOrDefault(r => r.Guide == id && r.Mode == mode);
            if (report is null)
            {
                yield return $"{where}: the page did not report (did it load?)";
                continue;
            }

            if (report.ScrollWidth > report.Width)
            {
                yield return $"{where}: scrolls sideways, {report.ScrollWidth} px of content in {report.Width} px; overflowing: {string.Join("; ", report.Overflow)}";
            }

            if (expect.Chinese && !report.CjkGlyphsDiffer)
            {
                yield return $"{where}: Chinese characters are all drawn alike, so no CJK font renders them. {Chromium.InstallHint}";
            }

            if (expect.Headings is { } headings && !report.Headings.SequenceEqual(headings))
            {
                yield return $"{where}: sections are [{string.Join(", ", report.Headings)}], expected [{string.Join(", ", headings)}]";
            }

            if (report.Lang != expect.Lang)
            {
                yield return $"{where}: the page says its language is '{report.Lang}', not '{expect.Lang}'";
            }

            foreach (var problem in more?.Invoke(where, mode, report) ?? [])
            {
                yield return problem;
            }
        }
    }

    /// <summary>A phone-wide and a desktop-wide picture of page <paramref name="id"/>, for a person to look at.</summary>
    public static async Task<List<string>> ScreenshotsAsync(string chromium, string folder, string id, string file)
    {
        var phone = Path.Combine(folder, $"{id}-phone.png");
        var desktop = Path.Combine(folder, $"{id}-desktop.png");
        await Chromium.RunAsync(chromium, WritePhonePage(folder, file, 4000), TimeSpan.FromMinutes(1), "--hide-scrollbars", "--window-size=500,4000", $"--screenshot={phone}");
        await Chromium.RunAsync(chromium, Path.Combine(folder, id + ".html"), TimeSpan.FromMinutes(1), "--hide-scrollbars", "--window-size=1000,2600", $"--screenshot={desktop}");
        return [phone, desktop];
    }
}
