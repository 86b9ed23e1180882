using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Guides;
using OneVisit.Rules.Json;
using OneVisit.Web.Api.Internal;

namespace OneVisit.Web.Api;

/// <summary>The catalogue as a citizen or an integrator browses it: what can be applied for, and each one's service guide.</summary>
internal static class CatalogueApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/procedures", Procedures)
            .WithName("ListProcedures")
            .WithSummary("Every procedure and life-event bundle of the catalogue, with its competent authority and channels.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        api.MapGet("/procedures/{code}/guide", ProcedureGuide)
            .WithName("GetProcedureGuide")
            .WithSummary("The procedure's service guide (办事指南): conditions, materials, who decides, fees, time limits and the visits it takes. lang=en for English.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/bundles/{code}/guide", BundleGuideOf)
            .WithName("GetBundleGuide")
            .WithSummary("A life-event bundle's (一件事) guide: its members, the materials asked once, and the trips the whole matter takes.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult Procedures(ProcedureCatalog catalog) => new JsonBody(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("procedures");
        foreach (var procedure in catalog.Procedures.Values.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            var authority = catalog.Authorities[procedure.Jurisdiction.DefaultAuthorityId];
            json.WriteStartObject();
            json.WriteString("code", procedure.Code);
            json.WriteText("name", procedure.Name);
            json.WriteNumber("version", procedure.Version);
            json.WriteStartObject("authority");
            json.WriteString("id", authority.Id);
            json.WriteText("name", authority.Name);
            json.WriteEndObject();
            json.WriteStartArray("channels");
            foreach (var channel in procedure.Channels)
            {
                json.WriteStringValue(CatalogWords.Of(channel));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("bundles");
        foreach (var bundle in catalog.Bundles.Values.OrderBy(b => b.Code, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("code", bundle.Code);
            json.WriteText("name", bundle.Name);
            json.WriteNumber("version", bundle.Version);
            json.WriteStartArray("members");
            foreach (var member in bundle.Members)
            {
                json.WriteStringValue(member.ProcedureCode);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static IResult ProcedureGuide(string code, string? lang, ProcedureCatalog catalog) =>
        catalog.Procedures.TryGetValue(code, out var procedure)
            ? Guide(ServiceGuide.Build(catalog, procedure, english: English(lang)))
            : Problems.Problem(StatusCodes.Status404NotFound, "not-found", "No such procedure", UnknownCode("procedure", code, catalog.Procedures.Keys));

    private static IResult BundleGuideOf(string code, string? lang, ProcedureCatalog catalog) =>
        catalog.Bundles.TryGetValue(code, out var bundle)
            ? Guide(BundleGuide.Build(catalog, bundle, english: English(lang)))
            : Problems.Problem(StatusCodes.Status404NotFound, "not-found", "No such bundle", UnknownCode("bundle", code, catalog.Bundles.Keys));

    private static bool English(string? lang) => lang is not null && lang.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    private static string UnknownCode(string what, string code, IEnumerable<string> known) =>
        $"'{code}' is not a {what} in this catalogue.{Rules.Diagnostics.Suggestions.DidYouMean(code, known)} GET procedures lists them.";

    // The guide's own structure, as the Markdown and HTML writers read it: sections of paragraphs, lists and tables.
    private static JsonBody Guide(GuideDocument guide) => new(json =>
    {
        json.WriteStartObject();
        json.WriteString("title", guide.Title);
        json.WriteString("subtitle", guide.Subtitle);
        json.WriteString("language", guide.Language == GuideLanguage.English ? "en" : "zh");
        json.WriteStartArray("sections");
        foreach (var section in guide.Sections)
        {
            json.WriteStartObject();
            json.WriteString("heading", section.Heading);
            json.WriteStartArray("blocks");
            foreach (var block in section.Blocks)
            {
                WriteBlock(json, block);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteBlock(Utf8JsonWriter json, GuideBlock block)
    {
        json.WriteStartObject();
        switch (block)
        {
            case GuideParagraph p:
                json.WriteString("kind", "paragraph");
                json.WriteString("text", p.Text);
                break;
            case GuideList l:
                json.WriteString("kind", "list");
                WriteStrings(json, "items", l.Items);
                break;
            case GuideTable t:
                json.WriteString("kind", "table");
                WriteStrings(json, "header", t.Header);
                json.WriteStartArray("rows");
                foreach (var row in t.Rows)
                {
                    WriteStrings(json, null, row);
                }

                json.WriteEndArray();
                break;
        }

        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string? name, IReadOnlyList<string> values)
    {
        if (name is null)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartArray(name);
        }

        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
