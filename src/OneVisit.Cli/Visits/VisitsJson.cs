using System.Text.Json;
using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Json;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Cli.Visits;

/// <summary>
/// The visits report as one JSON document: the population (kind, description, hash, size), every procedure and bundle
/// in the report's order (most worst-case visits first, then code), and the totals. Names are <c>{"text", "en"}</c>.
/// </summary>
internal static class VisitsJson
{
    public static void Write(VisitsReport report, Terminal output) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteText("catalog", report.CatalogName);
        json.WriteDate("asOf", report.AsOf);
        WritePopulation(json, report.Population);
        json.WriteObjects("procedures", report.Procedures, p =>
        {
            json.WriteString("code", p.Code);
            json.WriteText("name", p.Name);
            WriteAuthority(json, "authority", p.Authority);
            json.WriteNumber("worst", p.WorstCase.Count);
            WriteOverPopulation(json, p.Population);
        });
        json.WriteObjects("bundles", report.Bundles, b =>
        {
            json.WriteString("code", b.Code);
            json.WriteText("name", b.Name);
            WriteAuthority(json, "lead", b.LeadAuthority);
            json.WriteNumber("worst", b.WorstCase.Count);
            json.WriteNumber("naiveSum", b.WorstCase.NaiveSum);
            json.WriteNumber("saved", b.WorstCase.Saved);
            WriteOverPopulation(json, b.Population);
            json.WriteNumberOrNull("typicalNaiveSum", b.TypicalNaiveSum);
            json.WriteObjects("members", b.WorstCase.PerMember, m =>
            {
                json.WriteString("code", m.Key);
                json.WriteNumber("worst", m.Value);
            });
        });
        json.WriteStartObject("totals");
        WriteDistribution(json, "proceduresWorst", report.Totals.ProceduresWorst);
        WriteDistribution(json, "proceduresTypical", report.Totals.ProceduresTypical);
        WriteDistribution(json, "bundlesWorst", report.Totals.BundlesWorst);
        WriteDistribution(json, "bundlesTypical", report.Totals.BundlesTypical);
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void WritePopulation(Utf8JsonWriter json, PopulationUsed population)
    {
        json.WriteStartObject("population");
        json.WriteString("kind", population.Kind switch
        {
            PopulationKind.CaseHistory => "case_history",
            PopulationKind.File => "file",
            _ => "generated",
        });
        json.WriteString("description", population.Description);
        json.WriteString("contentHash", population.ContentHash);
        json.WriteNumber("situations", population.Situations);
        json.WriteNumber("weight", population.Weight);
        json.WriteEndObject();
    }

    private static void WriteAuthority(Utf8JsonWriter json, string name, Authority authority)
    {
        json.WriteStartObject(name);
        json.WriteString("id", authority.Id);
        json.WriteText("name", authority.Name);
        json.WriteEndObject();
    }

    // Typical and best are null when the population has no eligible situation of the procedure or bundle.
    private static void WriteOverPopulation(Utf8JsonWriter json, PopulationVisits visits)
    {
        json.WriteBoolean("suppressed", visits.Suppressed);
        json.WriteNumberOrNull("typical", visits.Typical);
        json.WriteNumberOrNull("best", visits.Best);
        json.WriteNumberOrNull("most", visits.Most);
        json.WriteNumber("situations", visits.Situations);
        json.WriteNumber("weight", visits.Weight);
        json.WriteNumber("refusedWeight", visits.RefusedWeight);
    }

    private static void WriteDistribution(Utf8JsonWriter json, string name, VisitsDistribution distribution)
    {
        json.WriteStartObject(name);
        json.WriteNumber("zero", distribution.Zero);
        json.WriteNumber("one", distribution.One);
        json.WriteNumber("twoOrMore", distribution.TwoOrMore);
        json.WriteNumber("unknown", distribution.Unknown);
        json.WriteEndObject();
    }
}
