using OneVisit.Rules.Authoring;
using Xunit.Abstractions;

namespace OneVisit.Cli.Tests.Guide.Rendering;

/// <summary>
/// The HTML guide, rendered by a real browser: it must fit a phone and an A4 page without sideways scrolling,
/// every table must fit its column, the Chinese must be drawn by a real CJK font, and every section must be there.
/// </summary>
public sealed class GuideRenderingTests(ITestOutputHelper output)
{
    private static readonly string Catalogue = RepositoryRoot.SampleCatalogue;

    private static readonly string[] GeneralHeadings = ["基本信息", "设定依据", "受理条件", "申请材料", "跑动次数", "办理时限", "收费标准", "办理渠道与结果送达"];

    private static readonly string[] BundleHeadings = ["基本信息", "一表申请", "办理事项", "跑动次数", "办理时限", "办理渠道与结果送达"];

    [Fact]
    public async Task Html_EverySampleGuide_FitsPhoneAndA4WithRealChineseGlyphsAndEverySection()
    {
        var chromium = Chromium.Find()
            ?? throw new Xunit.Sdk.XunitException($"The HTML guide is checked in headless Chromium, which is not on the PATH (looked for chromium, chromium-browser, google-chrome). {Chromium.InstallHint}");
        var folder = Directory.CreateTempSubdirectory("onevisit-guide-render-").FullName;
        using var bundles = new BundleCatalogue();
        var guides = WriteGuides(folder, bundles.Path);

        var (_, dom, error) = await Chromium.RunAsync(chromium, RenderHarness.WriteHarness(folder, guides.Select(g => (g.Id, g.File))), TimeSpan.FromMinutes(2), "--hide-scrollbars", "--virtual-time-budget=30000", "--dump-dom");
        var reports = RenderHarness.Parse(dom);

        var problems = guides.SelectMany(g => Problems(g, reports.Where(r => r.Guide == g.Id).ToList())).ToList();
        var screenshots = await RenderHarness.ScreenshotsAsync(chromium, folder, guides[0].Id, guides[0].File);
        output.WriteLine($"Guides, measured copies and screenshots are in {folder}:");
        screenshots.ForEach(output.WriteLine);
        Assert.True(reports.Count > 0, $"Chromium reported nothing from {folder}/harness.html; its errors: {Chromium.Tail(error)}");
        Assert.True(problems.Count == 0, "The HTML guide does not render well:\n" + string.Join("\n", problems));
        Assert.All(screenshots, path => Assert.True(new FileInfo(path).Length > 10_000, $"{path} is empty."));
    }

    // Every procedure's guide from the sample, and every bundle's from a copy that adds a test bundle to the sample's own.
    private static List<RenderedGuide> WriteGuides(string folder, string bundleCatalogue)
    {
        var codes = CatalogLoader.Load(Catalogue).GetCatalogOrThrow().Procedures.Keys.Order(StringComparer.Ordinal);
        var bundleCodes = CatalogLoader.Load(bundleCatalogue).GetCatalogOrThrow().Bundles.Keys.Order(StringComparer.Ordinal).ToList();
        var cases = codes.Select(code => new RenderedGuide(code, code, null, English: false))
            .Append(new RenderedGuide("330100-SC-0001-personal", "330100-SC-0001", "01-branch-registration.yaml", English: false))
            .Append(new RenderedGuide("330100-SC-0004-personal", "330100-SC-0004", "04-housing-fund-rent-withdrawal.yaml", English: false))
            .Append(new RenderedGuide("330100-SC-0001-en", "330100-SC-0001", null, English: true))
            .Concat(bundleCodes.Select(code => new RenderedGuide(code, code, null, English: false) { Catalogue = bundleCatalogue, Bundle = true }))
            .Append(new RenderedGuide(BundleCatalogue.Code + "-en", BundleCatalogue.Code, null, English: true) { Catalogue = bundleCatalogue, Bundle = true })
            .ToList();
        foreach (var guide in cases)
        {
            var page = Path.Combine(folder, guide.Id + ".html");
            string[] facts = guide.Facts is null ? [] : ["--facts", Path.Combine(Catalogue, "applications", guide.Facts)];
            var (exit, _, error) = Cli.Run(["guide", guide.Catalogue, guide.Code, "--format", "html", "--out", page, "--lang", guide.English ? "en" : "zh", .. facts]);
            Assert.True(exit == 0, $"onevisit guide {guide.Code} failed: {error}");
            guide.File = RenderHarness.WriteMeasuredCopy(folder, guide.Id, File.ReadAllText(page));
        }

        return cases;
    }

    private static IEnumerable<string> Problems(RenderedGuide guide, List<FrameReport> reports) =>
        RenderHarness.Problems(guide.Id, reports, new PageExpectation(!guide.English, Headings(guide), guide.English ? "en" : "zh-CN"), (where, _, report) => report.Tables.Select(table => $"{where}: {table}"));

    private static string[]? Headings(RenderedGuide guide) => guide switch
    {
        { English: true } => null,
        { Bundle: true } => BundleHeadings,
        { Facts: null } => GeneralHeadings,
        _ => [.. GeneralHeadings.Select(h => h == "申请材料" ? "您需要准备的材料" : h)],
    };

    private sealed record RenderedGuide(string Id, string Code, string? Facts, bool English)
    {
        public string Catalogue { get; init; } = GuideRenderingTests.Catalogue;

        public bool Bundle { get; init; }

        public string File { get; set; } = "";
    }
}
