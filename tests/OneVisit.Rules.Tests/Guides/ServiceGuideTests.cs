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
            var materials = Assert.IsType<GuideTable>(guide.Sections.Single(s => s.Heading.Contains("Materials", StringComparison.Ordinal)).Blocks.Single());
            Assert.Equal(procedure.Materials.Count, materials.Rows.Count);
        }
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
}
