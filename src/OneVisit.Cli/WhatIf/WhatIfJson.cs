using System.Text.Json;
using OneVisit.Cli.Common;
using OneVisit.Rules.Json;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Cli.WhatIf;

/// <summary>The what-if report as JSON: camelCase, the same order as the text, suppressed figures as null.</summary>
internal static class WhatIfJson
{
    public static void Write(WhatIfReport report, Terminal output) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        Record(json, report.Record);
        Cell(json, "total", report.Total);
        json.WriteStartObject("thresholds");
        var t = report.Thresholds;
        json.WriteNumber("atMostOneBefore", t.AtMostOneBefore);
        json.WriteNumber("atMostOneAfter", t.AtMostOneAfter);
        json.WriteNumber("zeroBefore", t.ZeroBefore);
        json.WriteNumber("zeroAfter", t.ZeroAfter);
        json.WriteNumber("crossedToOne", t.CrossedToOne);
        json.WriteNumber("crossedToZero", t.CrossedToZero);
        json.WriteEndObject();
        json.WriteObjects("losers", report.Losers, l =>
        {
            json.WriteString("code", l.Code);
            json.WriteString("reason", l.Reason);
            json.WriteNumberOrNull("cases", l.Cases);
        });
        json.WriteObjects("shares", report.Shares, s =>
        {
            json.WriteString("reform", s.ReformId);
            json.WriteText("name", s.Name);
            json.WriteNumber("tripsSaved", s.TripsSaved);
            json.WriteNumber("affected", s.Affected);
        });
        Cells(json, "byProcedure", report.ByProcedure);
        Cells(json, "byConsumingDepartment", report.ByConsumingDepartment);
        Cells(json, "byIssuingDepartment", report.ByIssuingDepartment);
        json.WriteObjects("materialsSpared", report.MaterialsSpared, m =>
        {
            json.WriteString("document", m.DocumentId);
            json.WriteText("name", m.Name);
            json.WriteString("issuedBy", m.IssuedBy);
            json.WriteNumberOrNull("times", m.Times);
        });
        json.WriteObjects("worstCases", report.WorstCases, w =>
        {
            json.WriteString("code", w.Code);
            json.WriteText("name", w.Name);
            json.WriteNumber("before", w.Before);
            json.WriteNumber("after", w.After);
            json.WriteBoolean("crossesToOne", w.CrossesToOne);
            json.WriteBoolean("crossesToZero", w.CrossesToZero);
        });
        json.WriteObjects("effects", report.Effects, e =>
        {
            json.WriteString("reform", e.ReformId);
            json.WriteString("target", e.Target);
            json.WriteString("description", e.Description);
            json.WriteLocation("at", e.Change.Location);
        });
        json.WriteEndObject();
    });

    private static void Record(Utf8JsonWriter json, RunRecord record)
    {
        json.WriteStartObject("record");
        json.WriteString("oneVisitVersion", record.OneVisitVersion);
        json.WriteText("catalogue", record.CatalogueName);
        json.WriteString("catalogueSha256", record.CatalogueHash);
        json.WriteDate("asOf", record.AsOf);
        json.WriteObjects("reforms", record.Reforms, r =>
        {
            json.WriteString("id", r.Id);
            json.WriteString("file", r.File);
            json.WriteDate("effectiveFrom", r.EffectiveFrom);
            json.WriteString("sha256", r.ContentHash);
        });
        json.WriteStartObject("population");
        json.WriteWord("kind", (PopulationKind?)record.Population.Kind);
        json.WriteString("description", record.Population.Description);
        json.WriteString("sha256", record.Population.ContentHash);
        json.WriteEndObject();
        json.WriteNumber("situations", record.Situations);
        json.WriteNumber("cases", record.Cases);
        json.WriteNumber("skipped", record.Skipped);
        json.WriteNumber("minimumCellSize", record.MinimumCellSize);
        json.WriteEndObject();
    }

    private static void Cells(Utf8JsonWriter json, string name, IReadOnlyList<WhatIfCell> cells)
    {
        json.WriteStartArray(name);
        foreach (var cell in cells)
        {
            Cell(json, null, cell);
        }

        json.WriteEndArray();
    }

    private static void Cell(Utf8JsonWriter json, string? name, WhatIfCell cell)
    {
        if (name is null)
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject(name);
        }

        json.WriteString("key", cell.Key);
        json.WriteText("name", cell.Name);
        json.WriteBoolean("suppressed", cell.Suppressed);
        // A suppressed cell keeps its keys with null values, so a reader sees what is withheld, not a different shape.
        var f = cell.Figures;
        json.WriteNumberOrNull("cases", f?.Cases);
        json.WriteNumberOrNull("situations", f?.Situations);
        json.WriteNumberOrNull("tripsBefore", f?.TripsBefore);
        json.WriteNumberOrNull("tripsAfter", f?.TripsAfter);
        json.WriteNumberOrNull("tripsSaved", f?.TripsSaved);
        json.WriteNumberOrNull("affected", f?.Affected);
        json.WriteNumberOrNull("winners", f?.Winners);
        json.WriteNumberOrNull("unchanged", f?.Unchanged);
        json.WriteNumberOrNull("losers", f?.Losers);

        json.WriteEndObject();
    }
}
