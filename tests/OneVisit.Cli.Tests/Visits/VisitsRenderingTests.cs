using OneVisit.Cli.Tests.Guide.Rendering;
using Xunit.Abstractions;

namespace OneVisit.Cli.Tests.Visits;

/// <summary>
/// The HTML visits report in a real browser, as the guides are checked: it fits a phone and an A4 page without
/// sideways scrolling, its tables fit, the Chinese is drawn by a real CJK font, and every section is there.
/// </summary>
public sealed class VisitsRenderingTests(ITestOutputHelper output)
{
    private static readonly string[] ChineseHeadings = ["概况", "事项", "一件事", "如何阅读"];

    private static readonly string[] EnglishHeadings = ["Summary", "Procedures", "Bundles", "How to read it"];

    [Fact]
    public async Task Html_SampleCatalogue_FitsPhoneAndA4InBothLanguagesWithEverySection()
    {
        var chromium = Chromium.Find()
            ?? throw new Xunit.Sdk.XunitException($"The HTML report is checked in headless Chromium, which is not on the PATH. {Chromium.InstallHint}");
        var folder = Directory.CreateTempSubdirectory("onevisit-visits-render-").FullName;
        var pages = new[] { (Id: "visits-zh", Lang: "zh"), (Id: "visits-en", Lang: "en") }
            .Select(p => (p.Id, p.Lang, File: Write(folder, p.Id, p.Lang)))
            .ToList();

        var (_, dom, error) = await Chromium.RunAsync(chromium, RenderHarness.WriteHarness(folder, pages.Select(p => (p.Id, p.File))), TimeSpan.FromMinutes(2), "--hide-scrollbars", "--virtual-time-budget=30000", "--dump-dom");
        var reports = RenderHarness.Parse(dom);
        var problems = pages.SelectMany(p => Problems(p.Id, p.Lang == "en", reports.Where(r => r.Guide == p.Id).ToList())).ToList();
        var screenshots = await RenderHarness.ScreenshotsAsync(chromium, folder, pages[0].Id, pages[0].File);
        output.WriteLine($"Pages, measured copies and screenshots are in {folder}:");
        screenshots.ForEach(output.WriteLine);

        Assert.True(reports.Count > 0, $"Chromium reported nothing from {folder}/harness.html; its errors: {Chromium.Tail(error)}");
        Assert.True(problems.Count == 0, "The HTML visits report does not render well:\n" + string.Join("\n", problems));
        Assert.All(screenshots, path => Assert.True(new FileInfo(path).Length > 10_000, $"{path} is empty."));
    }

    private static string Write(string folder, string id, string language)
    {
        var page = Path.Combine(folder, id + ".html");
        var (exit, _, error) = Cli.Run("visits", RepositoryRoot.SampleCatalogue, "--html", page, "--lang", language);
        Assert.True(exit == 0, $"onevisit visits failed: {error}");
        return RenderHarness.WriteMeasuredCopy(folder, id, File.ReadAllText(page));
    }

    private static IEnumerable<string> Problems(string id, bool english, List<FrameReport> reports) =>
        RenderHarness.Problems(id, reports, new PageExpectation(!english, english ? EnglishHeadings : ChineseHeadings, english ? "en" : "zh-CN"), (where, _, report) => report.Tables.Select(table => $"{where}: {table}"));
}
