using System.Globalization;
using System.Text.RegularExpressions;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Guides;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Testing;

namespace OneVisit.Rules.Tests.Guides;

/// <summary>The service guide is built from the catalogue, the same for every format, and safe to publish.</summary>
public sealed class ServiceGuideTests
{
    [Fact]
    public void Build_EverySampleProcedure_HasAGuideWithEverySection()
    {
        foreach (var procedure in SampleCatalogue.Catalog.Procedures.Values)
        {
            var guide = ServiceGuide.Build(SampleCatalogue.Catalog, procedure);

            Assert.Equal(8, guide.Sections.Count);
            Assert.All(guide.Sections, s => Assert.NotEmpty(s.Blocks));
            var submitted = procedure.Materials.Count(m => SampleCatalogue.Catalog.Documents[m.DocumentId].Issuer != DocumentIssuer.Government);
            Assert.Equal(submitted, Table(guide, "申请材料").Rows.Count);
            Assert.Equal(procedure.Materials.Count - submitted, PreparedByOffice(guide, "申请材料").Count);
        }
    }

    [Fact]
    public void Build_GeneralGuide_OfficesOwnFormIsNeitherSubmittedNorFetched()
    {
        var guide = ServiceGuide.Build(SampleCatalogue.Catalog, SampleCatalogue.Catalog.Procedures["330100-SC-0002"]);

        Assert.DoesNotContain(Table(guide, "申请材料").Rows, r => r[0].StartsWith("机动车注册、转移、注销登记", StringComparison.Ordinal));
        Assert.Equal(["机动车注册、转移、注销登记/转入申请表"], PreparedByOffice(guide, "申请材料"));
    }

    [Fact]
    public void Build_PersonalGuide_GeneratedFormIsListedApartFromFetchedAndStillNeeded()
    {
        var catalog = SampleCatalogue.Catalog;
        var precheck = SampleCatalogue.Engine.Check(PolicyTestRunner.ToRequest(SampleCatalogue.Tests.Single(t => t.Name == "未自带申请表，车管所按现行2012版预填，仍一次跑动"), catalog.Info));

        var guide = ServiceGuide.Build(catalog, catalog.Procedures["330100-SC-0002"], precheck, english: true);

        var blocks = guide.Sections.Single(s => s.Heading == "Your materials").Blocks;
        Assert.Equal(["Motor vehicle registration / transfer / deregistration / transfer-in application form"], PreparedByOffice(guide, "Your materials"));
        var fetched = ListAfter(blocks, "The office obtains these from other departments");
        Assert.DoesNotContain(fetched, f => f.Contains("application form", StringComparison.Ordinal));
        Assert.DoesNotContain(blocks.OfType<GuideParagraph>(), p => p.Text.StartsWith("Still needed", StringComparison.Ordinal) && p.Text.Contains("application form", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_GeneralGuide_StatesTheWorstCaseAndEachWayToFewerVisits()
    {
        var guide = ServiceGuide.Build(SampleCatalogue.Catalog, SampleCatalogue.Catalog.Procedures["330100-SC-0001"]);

        var visits = guide.Sections.Single(s => s.Heading == "跑动次数").Blocks;
        Assert.Equal("最多需到现场 1 次（按最不利的情形计）。", Assert.IsType<GuideParagraph>(visits[0]).Text);
        Assert.Equal(["第 1 次：提交申请 — 到窗口提交申请", "第 1 次：当面签字 — 法定代表人签署登记申请书"], Assert.IsType<GuideList>(visits[1]).Items);
        var fewer = ListAfter(visits, "以下情形可以少跑或不跑");
        Assert.Contains("提交申请：选择网上办理的，无需到窗口提交", fewer);
        Assert.Contains(fewer, w => w.StartsWith("当面签字：可远程办理——全程电子化登记", StringComparison.Ordinal) && w.Contains("数字证书", StringComparison.Ordinal));
        Assert.Contains("领取结果：无需到场——执照EMS寄递", fewer);
    }

    [Fact]
    public void Build_WindowOnlyProcedure_HandingInIsCountedAndNotOfferedAwayInEnglish()
    {
        var guide = ServiceGuide.Build(SampleCatalogue.Catalog, SampleCatalogue.Catalog.Procedures["330100-SC-0020"], english: true);

        var visits = guide.Sections.Single(s => s.Heading == "Visits in person").Blocks;
        Assert.Equal("At most 1 visit in person (the worst case).", Assert.IsType<GuideParagraph>(visits[0]).Text);
        var list = Assert.IsType<GuideList>(visits[1]).Items;
        Assert.StartsWith("visit 1: handing in the application — The procedure offers no online, mobile or postal channel", list[0], StringComparison.Ordinal);
        Assert.DoesNotContain(visits.OfType<GuideList>().SelectMany(l => l.Items), i => i.Contains("not at a window", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_EveryProcedure_WorstCaseIsNeverBelowAPrecheckOfIt()
    {
        var catalog = SampleCatalogue.Catalog;
        var requests = SampleCatalogue.ProcedureTests.Select(t => PolicyTestRunner.ToRequest(t, catalog.Info))
            .Concat(catalog.Procedures.Keys.Select(code => new PrecheckRequest { ProcedureCode = code, AsOf = SampleCatalogue.Morning }))
            .SelectMany(r => new[] { r, r with { WindowId = "hz_general_window" } });

        foreach (var request in requests)
        {
            var precheck = SampleCatalogue.Engine.Check(request);
            var guide = ServiceGuide.Build(catalog, catalog.Procedures[request.ProcedureCode]);
            var personal = ServiceGuide.Build(catalog, catalog.Procedures[request.ProcedureCode], precheck);

            Assert.True(WorstCase(guide) >= precheck.Visits.Count, $"{request.ProcedureCode} at {request.WindowId ?? "home"}: the guide says at most {WorstCase(guide)}, the precheck {precheck.Visits.Count}.");
            Assert.Equal(precheck.Visits.Count == 0 ? "零跑动：全程可网上办理。" : $"需到现场 {precheck.Visits.Count} 次。", Assert.IsType<GuideParagraph>(personal.Sections.Single(s => s.Heading == "跑动次数").Blocks[0]).Text);
        }
    }

    [Fact]
    public void Build_Chinese_HasNoEnglishLabelAndEnglish_HasNoChineseLabel()
    {
        var procedure = SampleCatalogue.Catalog.Procedures["330100-SC-0001"];

        var chinese = ServiceGuide.Build(SampleCatalogue.Catalog, procedure);
        var english = ServiceGuide.Build(SampleCatalogue.Catalog, procedure, english: true);

        Assert.Equal(["基本信息", "设定依据", "受理条件", "申请材料", "跑动次数", "办理时限", "收费标准", "办理渠道与结果送达"], chinese.Sections.Select(s => s.Heading));
        Assert.Equal(["Material", "Form", "Needed when", "Instead of handing it in"], Table(english, "Materials").Header);
        Assert.Equal(["材料名称", "材料形式", "提交情形", "免提交方式"], Table(chinese, "申请材料").Header);
        Assert.StartsWith("事项编码 330100-SC-0001 · 第 1 版 · 2016年3月1日起施行", chinese.Subtitle, StringComparison.Ordinal);
        Assert.Equal("330100-SC-0001 · version 1 · in force from 1 March 2016", english.Subtitle);
        Assert.DoesNotMatch("[A-Za-z]{4,}", string.Join(" ", Table(chinese, "申请材料").Rows.SelectMany(r => r)));
        Assert.Contains("lang=\"zh-CN\"", GuideWriters.ToHtml(chinese), StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", GuideWriters.ToHtml(english), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Materials_SayWhenInWordsNotExpressions()
    {
        var guide = ServiceGuide.Build(SampleCatalogue.Catalog, SampleCatalogue.Catalog.Procedures["330100-SC-0001"]);

        var lease = Table(guide, "申请材料").Rows.Single(r => r[0] == "房屋租赁合同");

        Assert.Equal(["房屋租赁合同", "复印件 1 份", "分公司营业场所是自有、租赁，还是没有产权证明？租赁", "—"], lease);
    }

    [Fact]
    public void GuideWriters_CatalogueText_IsEscapedInHtmlAndMarkdown()
    {
        var guide = new GuideDocument("<script>alert(1)</script>", "a & b", false, [new GuideSection("S", [new GuideTable(["<b>"], [["x < y"]])])]);

        var html = GuideWriters.ToHtml(guide);
        var markdown = GuideWriters.ToMarkdown(guide with { Sections = [new GuideSection("S", [new GuideTable(["a|b"], [["c|d"]])])] });

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("x &lt; y", html, StringComparison.Ordinal);
        Assert.Contains("| a\\|b |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PrecheckOfAnotherProcedure_IsRefused()
    {
        var catalog = SampleCatalogue.Catalog;
        var precheck = SampleCatalogue.Engine.Check(new OneVisit.Rules.Precheck.PrecheckRequest { ProcedureCode = "330100-SC-0003", AsOf = SampleCatalogue.Morning });

        Assert.Throws<ArgumentException>(() => ServiceGuide.Build(catalog, catalog.Procedures["330100-SC-0001"], precheck));
    }

    private static GuideTable Table(GuideDocument guide, string heading) =>
        Assert.IsType<GuideTable>(guide.Sections.Single(s => s.Heading == heading).Blocks[0]);

    private static IReadOnlyList<string> PreparedByOffice(GuideDocument guide, string heading)
    {
        var blocks = guide.Sections.Single(s => s.Heading == heading).Blocks;
        return guide.Language == GuideLanguage.English ? ListAfter(blocks, "The office prepares these itself") : ListAfter(blocks, "以下材料由办理机关自行制作");
    }

    // The list that follows the paragraph starting with <paramref name="intro"/>; empty when there is no such paragraph.
    private static IReadOnlyList<string> ListAfter(IReadOnlyList<GuideBlock> blocks, string intro)
    {
        var at = blocks.ToList().FindIndex(b => b is GuideParagraph p && p.Text.StartsWith(intro, StringComparison.Ordinal));
        return at < 0 ? [] : Assert.IsType<GuideList>(blocks[at + 1]).Items;
    }

    private static int WorstCase(GuideDocument guide)
    {
        var text = Assert.IsType<GuideParagraph>(guide.Sections.Single(s => s.Heading == "跑动次数").Blocks[0]).Text;
        return text == "零跑动：全程可网上办理。" ? 0 : int.Parse(Regex.Match(text, "最多需到现场 (\\d+) 次").Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
