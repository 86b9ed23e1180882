using OneVisit.Rules.Guides;

namespace OneVisit.Rules.Tests.Guides;

/// <summary>The service guide is built from the catalogue, the same for every format, and safe to publish.</summary>
public sealed class ServiceGuideTests
{
    [Fact]
    public void Every_sample_procedure_has_a_guide_with_every_section()
    {
        foreach (var procedure in SampleCatalogue.Catalog.Procedures.Values)
        {
            var guide = ServiceGuide.Build(SampleCatalogue.Catalog, procedure);

            Assert.Equal(8, guide.Sections.Count);
            Assert.All(guide.Sections, s => Assert.NotEmpty(s.Blocks));
            var materials = Assert.IsType<GuideTable>(guide.Sections.Single(s => s.Heading == "申请材料").Blocks.Single());
            Assert.Equal(procedure.Materials.Count, materials.Rows.Count);
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
    public void Html_escapes_catalogue_text()
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
    public void A_precheck_of_another_procedure_is_refused()
    {
        var catalog = SampleCatalogue.Catalog;
        var precheck = SampleCatalogue.Engine.Check(new OneVisit.Rules.Precheck.PrecheckRequest { ProcedureCode = "330100-SC-0003", AsOf = SampleCatalogue.Morning });

        Assert.Throws<ArgumentException>(() => ServiceGuide.Build(catalog, catalog.Procedures["330100-SC-0001"], precheck));
    }

    private static GuideTable Table(GuideDocument guide, string heading) =>
        Assert.IsType<GuideTable>(guide.Sections.Single(s => s.Heading == heading).Blocks[0]);
}
