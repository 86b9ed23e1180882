using System.Text.Json;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Json;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Json;

// What is read beside a case: its ledgers, its audit trail and the check of its audit chain; and a purged case,
// of which only those and its index row remain.
public static partial class CaseJson
{
    /// <summary>
    /// Writes a case whose documents retention purged as one whole object: its index row's fields as
    /// <see cref="WriteList"/> writes them, with <c>purged: true</c>, <c>auditChain</c>, <c>purgedAt</c>, and its
    /// <c>visits</c>, <c>commitments</c> and <c>audit</c> (null for what <paramref name="parts"/> does not hold).
    /// </summary>
    /// <param name="json">The writer, positioned where a value may start.</param>
    /// <param name="purged">What the case service threw for the case: its index row and when it was purged.</param>
    /// <param name="zone">The offices' time zone, whose offset the instants carry.</param>
    /// <param name="parts">The ledgers and checks read beside the case, as for <see cref="WriteCase"/>.</param>
    public static void WritePurged(Utf8JsonWriter json, CasePurgedException purged, TimeZoneInfo zone, CaseJsonParts? parts = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(purged);
        ArgumentNullException.ThrowIfNull(zone);
        var summary = purged.Case;
        json.WriteStartObject();
        WriteSummaryHead(json, summary);
        json.WriteBoolean("purged", true);
        WriteAuditChain(json, parts?.AuditChain);
        json.WriteWord<CaseStage>("stage", summary.Stage);
        json.WriteWord("outcome", summary.Outcome);
        json.WriteString("authority", summary.AuthorityId);
        WriteInstant(json, "submittedAt", summary.SubmittedAt, zone);
        WriteInstant(json, "closedAt", summary.ClosedAt, zone);
        WriteInstant(json, "purgedAt", purged.PurgedAt, zone);
        WriteVisits(json, parts?.Visits, zone);
        WriteCommitments(json, parts?.Commitments, zone);
        WriteAudit(json, parts?.Audit, zone);
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes one case's audit chain as verified as one whole object: <c>caseId</c>, <c>state</c>
    /// (<c>verified</c>, <c>not_chained</c>, <c>broken</c>), <c>chainedLines</c>, <c>unchainedLines</c> and
    /// <c>break</c> (<c>kind</c>, <c>position</c>, <c>sequence</c>, <c>action</c>, <c>explanation</c>; null when
    /// nothing is broken). It is the <c>auditChain</c> of a case and an item of <c>audit verify --json</c>'s <c>cases</c>.
    /// </summary>
    /// <param name="json">The writer, positioned where a value may start.</param>
    /// <param name="check">The check, as <see cref="IAuditLog"/>'s verification gives it.</param>
    public static void WriteAuditChainCheck(Utf8JsonWriter json, AuditChainCheck check)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(check);
        json.WriteStartObject();
        json.WriteString("caseId", check.CaseId);
        json.WriteString("state", State(check.State));
        json.WriteNumber("chainedLines", check.ChainedLines);
        json.WriteNumber("unchainedLines", check.UnchainedLines);
        if (check.Break is { } found)
        {
            json.WriteStartObject("break");
            json.WriteString("kind", Kind(found.Kind));
            json.WriteNumberOrNull("position", found.Position);
            json.WriteNumberOrNull("sequence", found.Sequence);
            json.WriteString("action", found.Action);
            json.WriteString("explanation", found.Explanation);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("break");
        }

        json.WriteEndObject();
    }

    /// <summary><c>auditChain</c>: the chain as verified without a key; null when not read, or when the case has no lines.</summary>
    private static void WriteAuditChain(Utf8JsonWriter json, AuditChainCheck? check)
    {
        if (check is null)
        {
            json.WriteNull("auditChain");
            return;
        }

        json.WritePropertyName("auditChain");
        WriteAuditChainCheck(json, check);
    }

    /// <summary><c>visits[]</c>: <c>at</c>, <c>purpose</c>, <c>window</c>; null when not read.</summary>
    private static void WriteVisits(Utf8JsonWriter json, IReadOnlyList<VisitRecord>? visits, TimeZoneInfo zone)
    {
        if (visits is null)
        {
            json.WriteNull("visits");
            return;
        }

        json.WriteObjects("visits", visits, visit =>
        {
            WriteInstant(json, "at", visit.At, zone);
            json.WriteString("purpose", visit.Purpose);
            json.WriteString("window", visit.WindowId);
        });
    }

    /// <summary><c>commitments[]</c>: <c>material</c>, <c>kind</c>, <c>dueOn</c>, <c>recordedAt</c>; null when not read.</summary>
    private static void WriteCommitments(Utf8JsonWriter json, IReadOnlyList<CommitmentEntry>? commitments, TimeZoneInfo zone)
    {
        if (commitments is null)
        {
            json.WriteNull("commitments");
            return;
        }

        json.WriteObjects("commitments", commitments, entry =>
        {
            json.WriteString("material", entry.MaterialId);
            json.WriteString("kind", CatalogWords.Of(entry.Kind));
            json.WriteDate("dueOn", entry.DueOn);
            WriteInstant(json, "recordedAt", entry.RecordedAt, zone);
        });
    }

    /// <summary><c>audit[]</c>: <c>sequence</c>, <c>at</c>, <c>actor</c>, <c>action</c>, <c>detail</c>, <c>dataRequested</c>, <c>purpose</c>; null when not read.</summary>
    private static void WriteAudit(Utf8JsonWriter json, IReadOnlyList<AuditEntry>? audit, TimeZoneInfo zone)
    {
        if (audit is null)
        {
            json.WriteNull("audit");
            return;
        }

        json.WriteObjects("audit", audit, entry =>
        {
            json.WriteNumber("sequence", entry.Sequence);
            WriteInstant(json, "at", entry.At, zone);
            json.WriteString("actor", entry.Actor);
            json.WriteString("action", entry.Action);
            json.WriteString("detail", entry.Detail);
            json.WriteString("dataRequested", entry.DataRequested);
            json.WriteString("purpose", entry.Purpose);
        });
    }

    private static string State(AuditChainState state) => state switch
    {
        AuditChainState.Verified => "verified",
        AuditChainState.NotChained => "not_chained",
        _ => "broken",
    };

    private static string Kind(AuditBreakKind kind) => kind switch
    {
        AuditBreakKind.HashMismatch => "hash_mismatch",
        AuditBreakKind.IndexGap => "index_gap",
        AuditBreakKind.MissingChain => "missing_chain",
        AuditBreakKind.MacMismatch => "mac_mismatch",
        _ => "line_without_hash",
    };
}
