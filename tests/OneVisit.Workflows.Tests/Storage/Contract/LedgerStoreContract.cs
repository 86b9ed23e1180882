using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Commitments;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Storage.Contract;

/// <summary>The visit ledger and the commitment ledger: entries once per key, and the queries the offices run.</summary>
public abstract class LedgerStoreContract : StorageContract
{
    private static AuditEntry VisitLine(string caseId, string detail) => new(0, caseId, "subject-1", T0, "applicant", AuditActions.Visit, detail);

    [Fact]
    public async Task RecordVisitAsync_NewKey_StoresTheVisitAndItsAuditLine()
    {
        var visit = Visit("case-1", At(1));

        await Ledgers.RecordVisitAsync("case-1:visit:1", visit, VisitLine("case-1", "came to submit"), None);

        Assert.Equal([visit], await Ledgers.VisitsOfCaseAsync("case-1", None));
        Assert.Equal(["came to submit"], (await Audit.AuditOfCaseAsync("case-1", None)).Select(l => l.Detail));
    }

    [Fact]
    public async Task RecordVisitAsync_SameKeyTwice_OneVisitAndOneAuditLine()
    {
        var visit = Visit("case-1", At(1));
        await Ledgers.RecordVisitAsync("case-1:visit:1", visit, VisitLine("case-1", "first"), None);

        await Ledgers.RecordVisitAsync("case-1:visit:1", visit with { At = At(2), WindowId = "window-9" }, VisitLine("case-1", "again"), None);

        Assert.Equal([visit], await Ledgers.VisitsOfCaseAsync("case-1", None));
        Assert.Equal(["first"], (await Audit.AuditOfCaseAsync("case-1", None)).Select(l => l.Detail));
    }

    [Fact]
    public async Task RecordVisit_InTransactionSameKeyTwice_OneVisit()
    {
        var visit = Visit("case-1", At(1), windowId: null);

        await WriteAsync(t => t.RecordVisit("case-1:visit:1", visit));
        await WriteAsync(t => t.RecordVisit("case-1:visit:1", visit with { Purpose = "pickup" }));

        Assert.Equal([visit], await Ledgers.VisitsOfCaseAsync("case-1", None));
    }

    [Fact]
    public async Task VisitsOfCaseAsync_VisitsOfSeveralCases_OnlyThatCaseEarliestFirst()
    {
        var later = Visit("case-1", At(60));
        var earlier = Visit("case-1", At(5));
        await WriteAsync(t =>
        {
            t.RecordVisit("v-later", later);
            t.RecordVisit("v-other", Visit("case-2", At(1)));
            t.RecordVisit("v-earlier", earlier);
        });

        var visits = await Ledgers.VisitsOfCaseAsync("case-1", None);

        Assert.Equal([earlier, later], visits);
        SameInstant(At(5), visits[0].At);
    }

    [Fact]
    public async Task VisitsOfApplicantAsync_AcrossCases_OnlyThatApplicantEarliestFirst()
    {
        var second = Visit("case-2", At(30), applicantId: "applicant-1");
        var first = Visit("case-1", At(10), applicantId: "applicant-1");
        await WriteAsync(t =>
        {
            t.RecordVisit("v-2", second);
            t.RecordVisit("v-1", first);
            t.RecordVisit("v-3", Visit("case-3", At(20), applicantId: "applicant-2"));
        });

        Assert.Equal([first, second], await Ledgers.VisitsOfApplicantAsync("applicant-1", None));
        Assert.Empty(await Ledgers.VisitsOfApplicantAsync("applicant-9", None));
    }

    [Fact]
    public async Task AddCommitment_SameCaseAndMaterialTwice_KeepsTheFirst()
    {
        var first = Commitment("case-1", "tax-record", new DateOnly(2025, 4, 1));

        await WriteAsync(t => t.AddCommitment(first));
        await WriteAsync(t => t.AddCommitment(first with { Kind = CommitmentKind.Supply, DueOn = new DateOnly(2025, 5, 1), RecordedAt = At(9) }));

        var entry = Assert.Single(await Ledgers.CommitmentsOfCaseAsync("case-1", None));
        Assert.Equal(first, entry);
        SameInstant(T0, entry.RecordedAt);
    }

    [Fact]
    public async Task CommitmentsOfCaseAsync_SeveralCases_OnlyThatCasesEntries()
    {
        var verify = Commitment("case-1", "tax-record", new DateOnly(2025, 4, 1));
        var supply = Commitment("case-1", "lease", new DateOnly(2025, 4, 20), CommitmentKind.Supply);
        await WriteAsync(t =>
        {
            t.AddCommitment(verify);
            t.AddCommitment(Commitment("case-2", "tax-record", new DateOnly(2025, 4, 1)));
            t.AddCommitment(supply);
        });

        var entries = await Ledgers.CommitmentsOfCaseAsync("case-1", None);

        Assert.Equal([supply, verify], entries.OrderBy(e => e.MaterialId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task CommitmentsDueByAsync_DatesAroundTheBound_IncludesTheBoundEarliestFirst()
    {
        var bound = new DateOnly(2025, 4, 10);
        var onTheDay = Commitment("case-1", "lease", bound);
        var dayBefore = Commitment("case-2", "tax-record", bound.AddDays(-1), CommitmentKind.Supply);
        var longBefore = Commitment("case-3", "lease", bound.AddDays(-40));
        await WriteAsync(t =>
        {
            t.AddCommitment(onTheDay);
            t.AddCommitment(Commitment("case-1", "photo", bound.AddDays(1)));
            t.AddCommitment(dayBefore);
            t.AddCommitment(longBefore);
        });

        var due = await Ledgers.CommitmentsDueByAsync(bound, None);

        Assert.Equal([longBefore, dayBefore, onTheDay], due);
    }
}
