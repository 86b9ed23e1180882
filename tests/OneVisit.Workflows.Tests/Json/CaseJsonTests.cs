using System.Text.Json;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Json;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Json;

namespace OneVisit.Workflows.Tests.Json;

/// <summary>A case written with only what a host read: the object is whole, and what was not read is null, not an empty list.</summary>
public sealed class CaseJsonTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai-test", TimeSpan.FromHours(8), "CST", "CST");

    private static readonly CaseSnapshot Snapshot = new()
    {
        CaseId = "C1",
        ProcedureCode = "330100-SC-0004",
        ProcedureVersion = 1,
        ProcedureName = new LocalizedText("住房公积金租房提取", "Housing fund withdrawal for rent"),
        ApplicantId = "applicant-1",
        Stage = CaseStage.Closed,
        Outcome = CaseOutcome.Approved,
        AuthorityId = "hz_hpf",
        SubmittedAt = new DateTimeOffset(2017, 2, 20, 2, 20, 0, TimeSpan.Zero),
        Awaiting = [],
        Evidence = [],
        Deadlines = [],
        PredictedVisits = 0,
        VisitsMade = 0,
    };

    [Fact]
    public void WriteCase_NoParts_WritesAWholeObjectWithTheLedgersNull()
    {
        using var document = JsonDocument.Parse(OneVisitJson.ToJson(json => CaseJson.WriteCase(json, Snapshot, Shanghai)));

        var root = document.RootElement;
        Assert.Equal("C1", root.GetProperty("caseId").GetString());
        Assert.Equal("2017-02-20T10:20:00+08:00", root.GetProperty("submittedAt").GetString());
        Assert.Equal("approved", root.GetProperty("outcome").GetString());
        foreach (var notRead in new[] { "auditChain", "visits", "commitments", "audit" })
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty(notRead).ValueKind);
        }
    }

    [Fact]
    public void WriteCase_AuditOnly_WritesTheTrailAndLeavesTheRestNull()
    {
        var entry = new AuditEntry(7, "C1", "applicant-1", new DateTimeOffset(2017, 2, 20, 2, 21, 0, TimeSpan.Zero), "officer:o-1", AuditActions.Decided, "approved");
        var parts = new CaseJsonParts { Audit = [entry] };

        using var document = JsonDocument.Parse(OneVisitJson.ToJson(json => CaseJson.WriteCase(json, Snapshot, Shanghai, parts)));

        var audit = Assert.Single(document.RootElement.GetProperty("audit").EnumerateArray());
        Assert.Equal((7, "2017-02-20T10:21:00+08:00"), (audit.GetProperty("sequence").GetInt32(), audit.GetProperty("at").GetString()));
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("visits").ValueKind);
    }
}
