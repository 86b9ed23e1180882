using System.Text.Json;
using OneVisit.Cli.Common;
using OneVisit.Workflows.Audit;

namespace OneVisit.Cli.Audit;

/// <summary><c>audit verify --json</c>, and the <c>auditChain</c> object of <c>cases show --json</c>.</summary>
internal static class AuditJson
{
    public static void Write(Terminal output, AuditVerification verification) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteBoolean("allVerified", verification.AllVerified);
        json.WriteBoolean("anyBroken", verification.AnyBroken);
        json.WriteBoolean("macsChecked", verification.MacsChecked);
        json.WriteObjects("cases", verification.Cases, check => WriteCheck(json, check));
        json.WriteEndObject();
    });

    /// <summary>The fields of one case's check, inside an object the caller opened.</summary>
    public static void WriteCheck(Utf8JsonWriter json, AuditChainCheck check)
    {
        json.WriteString("caseId", check.CaseId);
        json.WriteString("state", State(check.State));
        json.WriteNumber("chainedLines", check.ChainedLines);
        json.WriteNumber("unchainedLines", check.UnchainedLines);
        if (check.Break is not { } found)
        {
            json.WriteNull("break");
            return;
        }

        json.WriteStartObject("break");
        json.WriteString("kind", Kind(found.Kind));
        json.WriteNumberOrNull("position", found.Position);
        json.WriteNumberOrNull("sequence", found.Sequence);
        json.WriteString("action", found.Action);
        json.WriteString("explanation", found.Explanation);
        json.WriteEndObject();
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
