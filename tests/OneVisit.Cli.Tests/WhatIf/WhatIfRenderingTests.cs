using System.Text.RegularExpressions;
using OneVisit.Cli.Tests.Guide.Rendering;
using Xunit.Abstractions;

namespace OneVisit.Cli.Tests.WhatIf;

/// <summary>
/// The HTML what-if report in a real browser, as the guides and the visits report are checked: it fits a phone and
/// an A4 page without sideways scrolling, its tables fit their scrolling boxes, the chart's labels stay readable on a
/// phone, the Chinese is drawn by a real CJK font, and every section is there.
/// </summary>
public sealed class WhatIfRenderingTests(ITestOutputHelper output)
{
    // The report's own words are English in both languages (--lang picks the catalogue's names); no one is worse off
    // in the sample, so there is no "Worse off" section, only the line saying so.
    private static readonly string[] Headings =
    [
        "Trips a year before and after, by department",
        "By procedure and bundle",
        "By consuming department",
        "By issuing department (trips shared among the departments whose documents are spared)",
        "Documents no longer asked of citizens",
        "Each reform's share, in the stated order",
        "Run record",
    ];

    /// <summary>The smallest chart text a reader should have to read, in CSS pixels as drawn.</summary>
    private const double SmallestReadableChartText = 10;

    [Fact]
    public async Task Html_SampleReforms_FitsPhoneAndA4InBothLanguagesWithReadableChart()
    {
        var chromium = Chromium.Find()
            ?? throw new Xunit.Sdk.XunitException($"The HTML report is checked in headless Chromium, which is not on the PATH. {Chromium.InstallHint}");
        var folder = Directory.CreateTempSubdirectory("onevisit-whatif-render-").FullName;
        var pages = new[] { (Id: "whatif-zh", Lang: "zh"), (Id: "whatif-en", Lang: "en") }
            .Select(p => (p.Id, p.Lang, Html: Write(folder, p.Id, p.Lang)))
            .ToList();
        var files = pages.Select(p => (p.Id, File: RenderHarness.WriteMeasuredCopy(folder, p.Id, p.Html))).ToList();

        var (_, dom, error) = await Chromium.RunAsync(chromium, RenderHarness.WriteHarness(folder, files), TimeSpan.FromMinutes(2), "--hide-scrollbars", "--virtual-time-budget=30000", "--dump-dom");
        var reports = RenderHarness.Parse(dom);
        var problems = pages
            .SelectMany(p => Static(p.Id, p.Lang == "en", p.Html).Concat(Problems(p.Id, p.Lang == "en", reports.Where(r => r.Guide == p.Id).ToList())))
            .ToList();
        var screenshots = await RenderHarness.ScreenshotsAsync(chromium, folder, files[0].Id, files[0].File);
        output.WriteLine($"Pages, measured copies and screenshots are in {folder}:");
        screenshots.ForEach(output.WriteLine);

        Assert.True(reports.Count > 0, $"Chromium reported nothing from {folder}/harness.html; its errors: {Chromium.Tail(error)}");
        Assert.True(problems.Count == 0, "The HTML what-if report does not render well:\n" + string.Join("\n", problems));
        Assert.All(screenshots, path => Assert.True(new FileInfo(path).Length > 10_000, $"{path} is empty."));
    }

    private static string Write(string folder, string id, string language)
    {
        var page = Path.Combine(folder, id + ".html");
        var (exit, _, error) = WhatIfCommandTests.Run("--html", page, "--lang", language);
        Assert.True(exit == 0, $"onevisit whatif failed: {error}");
        return File.ReadAllText(page);
    }

    // What the page says before a browser lays it out: one h1, a chart with a title, nothing to fetch or run.
    private static IEnumerable<string> Static(string id, bool english, string html)
    {
        var h1 = Regex.Count(html, "<h1[ >]");
        if (h1 != 1)
        {
            yield return $"{id}: {h1} h1 headings, expected one";
        }

        if (!Regex.IsMatch(html, "<svg [^>]*role=\"img\"[^>]*aria-labelledby=\"chart-title chart-desc\"[^>]*><title id=\"chart-title\">[^<]+</title><desc id=\"chart-desc\">[^<]+</desc>"))
        {
            yield return $"{id}: the chart's svg has no <title> and <desc> naming it";
        }

        if (html.Contains("<script", StringComparison.OrdinalIgnoreCase) || Regex.IsMatch(html, "(src|href)="))
        {
            yield return $"{id}: the page runs a script or fetches a file; it must stand alone";
        }

        var names = english ? "Hangzhou Water Group" : "杭州市水务集团有限公司";
        if (!html.Contains(names, StringComparison.Ordinal))
        {
            yield return $"{id}: the departments are not named in the page's language ('{names}' is missing)";
        }
    }

    // The page's own words are English in both languages; the Chinese names carry lang="zh-CN" themselves.
    private static IEnumerable<string> Problems(string id, bool english, List<FrameReport> reports) =>
        RenderHarness.Problems(id, reports, new PageExpectation(!english, Headings, "en"), OwnProblems);

    private static IEnumerable<string> OwnProblems(string where, string mode, FrameReport report)
    {
        // Every table sits in a div.scroll (overflow-x: auto): on a phone a wide one scrolls inside its box, not
        // the page, as the page intends. Paper cannot scroll: in print every table must fit the A4 width.
        foreach (var table in mode == "print" ? report.Tables : [])
        {
            yield return $"{where}: {table} (cut off on paper)";
        }

        if (report.SmallestChartText < SmallestReadableChartText)
        {
            yield return $"{where}: the chart's smallest text is drawn at {report.SmallestChartText} px (0: no chart text found); it needs at least {SmallestReadableChartText} px to be read";
        }
    }
}
