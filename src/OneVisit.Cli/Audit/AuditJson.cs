using System.Text.Json;
using OneVisit.Cli.Common;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Json;

namespace OneVisit.Cli.Audit;

/// <summary><c>audit verify --json</c>: each case's check as <see cref="CaseJson.WriteAuditChainCheck"/> writes it, the <c>auditChain</c> of <c>cases show --json</c>.</summary>
internal static class AuditJson
{
    public static void Write(Terminal output, AuditVerification verification) => JsonOutput.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteBoolean("allVerified", verification.AllVerified);
        json.WriteBoolean("anyBroken", verification.AnyBroken);
        json.WriteBoolean("macsChecked", verification.MacsChecked);
        json.WriteStartArray("cases");
        foreach (var check in verification.Cases)
        {
            CaseJson.WriteAuditChainCheck(json, check);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });
}
