using System.Text.Json;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Evidence;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Storage.Contract;

/// <summary>Evidence requests: recorded before they are sent, the first answer kept, and what never reached its case found again.</summary>
public abstract class EvidenceContract : StorageContract
{
    private static readonly EvidenceResponse Issued = EvidenceResponse.Issued("CR-2025-0042");
    private static readonly EvidenceResponse Later = EvidenceResponse.Later(At(600));

    /// <summary>The stored answer is the response as the case runtime serializes it, and reads back as it.</summary>
    private static EvidenceResponse? Answer(string? stored) =>
        stored is null ? null : JsonSerializer.Deserialize(stored, CaseJson.Default.EvidenceResponse);

    private async Task<List<(EvidenceRequest Request, string MaterialId, EvidenceResponse? Response)>> UndeliveredAsync() =>
        (await Cases.UndeliveredEvidenceAsync(CaseEventNames.Evidence, None)).Select(u => (u.Request, u.MaterialId, Answer(u.Response))).ToList();

    private Task<bool> ClaimAnswerAsync(string caseId, string materialId, string eventName = CaseEventNames.Evidence) =>
        Storage.WriteAsync(t => t.TryClaim(eventName, CaseEventNames.AnswerKey(caseId, materialId), caseId, "dept-police", At(3), onlyWhileOpen: true), None);

    [Fact]
    public async Task BeginEvidenceRequestAsync_FirstTime_ReturnsNull()
    {
        await StartCaseAsync(Case("case-1"));

        Assert.Null(await Cases.BeginEvidenceRequestAsync(Request("case-1", "tax"), "tax", At(1), None));
    }

    [Fact]
    public async Task BeginEvidenceRequestAsync_AgainBeforeAnAnswer_ReturnsNull()
    {
        await StartCaseAsync(Case("case-1"));
        await Cases.BeginEvidenceRequestAsync(Request("case-1", "tax"), "tax", At(1), None);

        Assert.Null(await Cases.BeginEvidenceRequestAsync(Request("case-1", "tax"), "tax", At(2), None));
    }

    [Fact]
    public async Task BeginEvidenceRequestAsync_AgainAfterAnAnswer_ReturnsTheStoredAnswer()
    {
        await StartCaseAsync(Case("case-1"));
        var request = Request("case-1", "tax");
        await Cases.BeginEvidenceRequestAsync(request, "tax", At(1), None);
        await Cases.SaveEvidenceAnswerAsync(request, "tax", Later, At(2), None);

        var stored = await Cases.BeginEvidenceRequestAsync(request, "tax", At(3), None);

        Assert.Equal(Later, Answer(stored));
    }

    [Fact]
    public async Task SaveEvidenceAnswerAsync_SecondAnswer_KeepsTheFirstWithOneAuditLine()
    {
        await StartCaseAsync(Case("case-1"));
        var request = Request("case-1", "tax");
        await Cases.BeginEvidenceRequestAsync(request, "tax", At(1), None);
        await Cases.SaveEvidenceAnswerAsync(request, "tax", Issued, At(2), None);

        await Cases.SaveEvidenceAnswerAsync(request, "tax", EvidenceResponse.Refused("no legal basis"), At(3), None);

        Assert.Equal(Issued, Answer(await Cases.BeginEvidenceRequestAsync(request, "tax", At(4), None)));
        var line = Assert.Single(await Audit.AuditOfCaseAsync("case-1", None));
        Assert.Equal((AuditActions.EvidenceAnswered, "dept-police", "subject-1"), (line.Action, line.Actor, line.SubjectId));
        SameInstant(At(2), line.At);
    }

    [Fact]
    public async Task SaveEvidenceAnswer_InTransactionsAfterAnAnswer_KeepsTheFirstWithOneAuditLine()
    {
        await StartCaseAsync(Case("case-1"));
        var request = Request("case-1", "tax");
        await Cases.BeginEvidenceRequestAsync(request, "tax", At(1), None);
        await WriteAsync(t => t.SaveEvidenceAnswer(request, "tax", Issued, At(2)));

        await WriteAsync(t => t.SaveEvidenceAnswer(request, "tax", EvidenceResponse.NotFound("no record"), At(3)));
        await Cases.SaveEvidenceAnswerAsync(request, "tax", Later, At(4), None);

        Assert.Equal(Issued, Answer(await Cases.BeginEvidenceRequestAsync(request, "tax", At(5), None)));
        Assert.Single(await Audit.AuditOfCaseAsync("case-1", None));
    }

    [Fact]
    public async Task UndeliveredEvidenceAsync_RequestNotAnswered_ListedAsSentWithoutAnAnswer()
    {
        await StartCaseAsync(Case("case-1"));
        var request = Request("case-1", "tax");
        await Cases.BeginEvidenceRequestAsync(request, "tax", At(1), None);

        var undelivered = await UndeliveredAsync();

        Assert.Equal([(request, "tax", (EvidenceResponse?)null)], undelivered);
    }

    [Fact]
    public async Task UndeliveredEvidenceAsync_AnsweredButNotClaimed_ListedWithItsAnswer()
    {
        await StartCaseAsync(Case("case-1"));
        var request = Request("case-1", "tax");
        await Cases.BeginEvidenceRequestAsync(request, "tax", At(1), None);
        await Cases.SaveEvidenceAnswerAsync(request, "tax", Issued, At(2), None);

        var undelivered = await UndeliveredAsync();

        Assert.Equal([(request, "tax", (EvidenceResponse?)Issued)], undelivered);
    }

    [Fact]
    public async Task UndeliveredEvidenceAsync_AnswerClaimedByItsWait_NotListed()
    {
        await StartCaseAsync(Case("case-1"));
        var delivered = Request("case-1", "tax");
        var pending = Request("case-1", "lease");
        await Cases.BeginEvidenceRequestAsync(delivered, "tax", At(1), None);
        await Cases.BeginEvidenceRequestAsync(pending, "lease", At(1), None);
        await Cases.SaveEvidenceAnswerAsync(delivered, "tax", Issued, At(2), None);

        Assert.True(await ClaimAnswerAsync("case-1", "tax"));

        Assert.Equal([(pending, "lease", (EvidenceResponse?)null)], await UndeliveredAsync());
    }

    [Fact]
    public async Task UndeliveredEvidenceAsync_WaitClaimedBeforeAnyAnswer_NotListed()
    {
        // The wait ended without the answer (its timeout claimed the key): nothing is left to send or deliver.
        await StartCaseAsync(Case("case-1"));
        await Cases.BeginEvidenceRequestAsync(Request("case-1", "tax"), "tax", At(1), None);

        await ClaimAnswerAsync("case-1", "tax");

        Assert.Empty(await UndeliveredAsync());
    }

    [Fact]
    public async Task UndeliveredEvidenceAsync_ClaimUnderAnotherEventName_StillListed()
    {
        await StartCaseAsync(Case("case-1"));
        var request = Request("case-1", "tax");
        await Cases.BeginEvidenceRequestAsync(request, "tax", At(1), None);
        await Cases.SaveEvidenceAnswerAsync(request, "tax", Issued, At(2), None);

        await ClaimAnswerAsync("case-1", "tax", eventName: CaseEventNames.Supplement);

        Assert.Equal([(request, "tax", (EvidenceResponse?)Issued)], await UndeliveredAsync());
    }

    [Fact]
    public async Task UndeliveredEvidenceAsync_CaseClosed_NotListed()
    {
        await StartCaseAsync(Case("case-1"));
        await StartCaseAsync(Case("case-2"));
        var open = Request("case-2", "tax");
        await Cases.BeginEvidenceRequestAsync(Request("case-1", "tax"), "tax", At(1), None);
        var answered = Request("case-1", "lease");
        await Cases.BeginEvidenceRequestAsync(answered, "lease", At(1), None);
        await Cases.SaveEvidenceAnswerAsync(answered, "lease", Issued, At(2), None);
        await Cases.BeginEvidenceRequestAsync(open, "tax", At(1), None);

        await CloseCaseAsync("case-1", At(30));

        Assert.Equal([(open, "tax", (EvidenceResponse?)null)], await UndeliveredAsync());
    }
}
