using OneVisit.Workflows.Audit;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Storage.Contract;

/// <summary>The audit log: one line per key, read back in the order lines were appended.</summary>
public abstract class AuditStoreContract : StorageContract
{
    [Fact]
    public async Task AppendAuditAsync_SameKeyWithOtherContent_KeepsTheFirstLine()
    {
        await Audit.AppendAuditAsync("case-1:prechecked", Line("case-1", "first"), None);

        await Audit.AppendAuditAsync("case-1:prechecked", Line("case-1", "second", at: At(1)) with { Actor = "officer-3" }, None);

        var line = Assert.Single(await Audit.AuditOfCaseAsync("case-1", None));
        Assert.Equal(("first", "system"), (line.Detail, line.Actor));
        SameInstant(T0, line.At);
    }

    [Fact]
    public async Task AppendAudit_InTransactionsWithAKeyAlreadyUsed_KeepsTheFirstLine()
    {
        await Audit.AppendAuditAsync("case-1:accepted", Line("case-1", "direct"), None);

        await WriteAsync(t => t.AppendAudit("case-1:accepted", Line("case-1", "from a step")));
        await WriteAsync(t =>
        {
            t.AppendAudit("case-1:decided", Line("case-1", "decided once"));
            t.AppendAudit("case-1:decided", Line("case-1", "decided twice"));
        });

        Assert.Equal(["direct", "decided once"], (await Audit.AuditOfCaseAsync("case-1", None)).Select(l => l.Detail));
    }

    [Fact]
    public async Task AuditOfCaseAsync_EveryField_RoundTrips()
    {
        var full = new AuditEntry(0, "case-1", "subject-1", At(1), "dept-police", AuditActions.EvidenceRequested, "asked for the record", "criminal record about subject-1 from dept-police", "residence-permit, art. 12");
        var bare = new AuditEntry(0, "case-1", "subject-1", At(2), "applicant", AuditActions.Withdrawn, "withdrawn: moved away");
        await Audit.AppendAuditAsync("case-1:full", full, None);
        await WriteAsync(t => t.AppendAudit("case-1:bare", bare));

        var lines = await Audit.AuditOfCaseAsync("case-1", None);

        Assert.Equal([full, bare], lines.Select(l => l with { Sequence = 0 }));
        SameInstant(At(1), lines[0].At);
    }

    [Fact]
    public async Task AuditOfCaseAsync_LinesAppendedOutOfTimeOrder_ComeBackInAppendOrder()
    {
        // Append order is the log's order, whatever the lines' own instants say.
        await Audit.AppendAuditAsync("k-b", Line("case-1", "b", at: At(10)), None);
        await WriteAsync(t => t.AppendAudit("k-a", Line("case-1", "a", at: At(1))));
        await Audit.AppendAuditAsync("k-other", Line("case-2", "other"), None);
        await Audit.AppendAuditAsync("k-c", Line("case-1", "c", at: At(5)), None);

        var lines = await Audit.AuditOfCaseAsync("case-1", None);

        Assert.Equal(["b", "a", "c"], lines.Select(l => l.Detail));
        Assert.True(lines[0].Sequence < lines[1].Sequence && lines[1].Sequence < lines[2].Sequence, "sequences follow append order");
    }

    [Fact]
    public async Task AuditOfSubjectAsync_LinesOfSeveralCases_OnlyThatSubjectInAppendOrder()
    {
        await Audit.AppendAuditAsync("k1", Line("case-2", "2a", subjectId: "subject-1"), None);
        await Audit.AppendAuditAsync("k2", Line("case-1", "1a", subjectId: "subject-1"), None);
        await Audit.AppendAuditAsync("k3", Line("case-3", "3a", subjectId: "subject-2"), None);
        await WriteAsync(t => t.AppendAudit("k4", Line("case-2", "2b", subjectId: "subject-1")));

        var lines = await Audit.AuditOfSubjectAsync("subject-1", None);

        Assert.Equal(["2a", "1a", "2b"], lines.Select(l => l.Detail));
        Assert.Empty(await Audit.AuditOfSubjectAsync("subject-9", None));
    }
}
