using System.Text.Json;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Json;

namespace OneVisit.Rules.Tests.Json;

/// <summary>The precheck answer as JSON, as a host embeds it: one whole object, in the convention of docs/cli.md.</summary>
public sealed class PrecheckJsonTests
{
    [Fact]
    public void Write_InsideAnotherDocument_IsOneWholeObject()
    {
        var application = ApplicationFile.Load(Path.Combine(RepositoryRoot.Path, "catalog", "hangzhou", "applications", "04-housing-fund-rent-withdrawal.yaml"), SampleCatalogue.Catalog);
        var result = SampleCatalogue.Engine.Check(application.Request!);

        var text = OneVisitJson.ToJson(json =>
        {
            json.WriteStartObject();
            json.WritePropertyName("answer");
            PrecheckJson.Write(json, result);
            json.WriteEndObject();
        });

        using var document = JsonDocument.Parse(text);
        var answer = document.RootElement.GetProperty("answer");
        Assert.Equal("330100-SC-0004", answer.GetProperty("procedure").GetProperty("code").GetString());
        Assert.Equal("online", answer.GetProperty("verdict").GetString());
        Assert.Equal("2017-02-18", answer.GetProperty("asOf").GetString());
    }

    [Fact]
    public void ToJson_ChineseText_StaysReadable()
    {
        var text = OneVisitJson.ToJson(json =>
        {
            json.WriteStartObject();
            json.WriteText("name", new LocalizedText("住房公积金"));
            json.WriteEndObject();
        });

        Assert.Equal("{\n  \"name\": {\n    \"text\": \"住房公积金\",\n    \"en\": null\n  }\n}", text.ReplaceLineEndings("\n"));
    }
}
