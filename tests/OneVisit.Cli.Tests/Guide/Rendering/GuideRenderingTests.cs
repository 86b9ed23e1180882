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
        var screenshots = await ScreenshotsAsync(chromium, folder, guides[0]);
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

    private static IEnumerable<string> Problems(RenderedGuide guide, List<FrameReport> reports)
    {
        foreach (var (mode, width) in RenderHarness.Modes)
        {
            var where = $"{guide.Id} at {width} px ({mode})";
            var report = reports.FirstOrDefault(r => r.Mode == mode);
            if (report is null)
            {
                yield return $"{where}: the page did not report (did it load?)";
                continue;
            }

            if (report.ScrollWidth > report.Width)
            {
                yield return $"{where}: scrolls sideways, {report.ScrollWidth} px of content in {report.Width} px; overflowing: {string.Join("; ", report.Overflow)}";
            }

            foreach (var table in report.Tables)
            {
                yield return $"{where}: {table}";
            }

            if (!guide.English && !report.CjkGlyphsDiffer)
            {
                yield return $"{where}: Chinese characters are all drawn alike, so no CJK font renders them. {Chromium.InstallHint}";
            }

            var expected = Headings(guide);
            if (expected is not null && !report.Headings.SequenceEqual(expected))
            {
                yield return $"{where}: sections are [{string.Join(", ", report.Headings)}], expected [{string.Join(", ", expected)}]";
            }

            if (report.Lang != (guide.English ? "en" : "zh-CN"))
            {
                yield return $"{where}: the page says its language is '{report.Lang}'";
            }
        }
    }

    private static string[]? Headings(RenderedGuide guide) => guide switch
    {
        { English: true } => null,
        { Bundle: true } => BundleHeadings,
        { Facts: null } => GeneralHeadings,
        _ => [.. GeneralHeadings.Select(h => h == "申请材料" ? "您需要准备的材料" : h)],
    };

    // A phone-wide and a desktop-wide picture of one guide, for a person to look at.
    private static async Task<List<string>> ScreenshotsAsync(string chromium, string folder, RenderedGuide guide)
    {
        var phone = Path.Combine(folder, $"{guide.Id}-phone.png");
        var desktop = Path.Combine(folder, $"{guide.Id}-desktop.png");
        await Chromium.RunAsync(chromium, RenderHarness.WritePhonePage(folder, guide.File, 4000), TimeSpan.FromMinutes(1), "--hide-scrollbars", "--window-size=500,4000", $"--screenshot={phone}");
        await Chromium.RunAsync(chromium, Path.Combine(folder, guide.Id + ".html"), TimeSpan.FromMinutes(1), "--hide-scrollbars", "--window-size=1000,2600", $"--screenshot={desktop}");
        return [phone, desktop];
    }

    private sealed record RenderedGuide(string Id, string Code, string? Facts, bool English)
    {
        public string Catalogue { get; init; } = GuideRenderingTests.Catalogue;

        public bool Bundle { get; init; }

        public string File { get; set; } = "";
    }
}
