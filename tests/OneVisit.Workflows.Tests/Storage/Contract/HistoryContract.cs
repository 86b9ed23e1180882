using OneVisit.Workflows.Storage;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Storage.Contract;

/// <summary>
/// The population read of the port (<see cref="ICaseStore.HistoryAsync"/>): started cases and bundle cases submitted in
/// a range, never a bundle's members, with their stored application, by submission then id, page by page; a purge
/// clears the application but keeps the row in the read, so it can be counted.
/// </summary>
public abstract class HistoryContract : StorageContract
{
    private static readonly HistoryFilter Everything = new(At(-60), At(600), Codes: null, AuthorityIds: null);

    private const string Application = """{"facts":[{"path":"applicant.age","type":"int","value":"41"}],"documents":[]}""";

    private async Task<List<CaseRow>> ReadAllAsync(HistoryFilter filter, int pageSize)
    {
        var rows = new List<CaseRow>();
        (DateTimeOffset, string)? after = null;
        while (await Cases.HistoryAsync(filter, after, pageSize, None) is { Count: > 0 } page)
        {
            Assert.True(page.Count <= pageSize);
            rows.AddRange(page);
            after = (page[^1].SubmittedAt, page[^1].CaseId);
        }

        return rows;
    }

    [Fact]
    public async Task HistoryAsync_CasesAndBundles_BySubmissionThenIdWithTheirApplicationAcrossPages()
    {
        await StartCaseAsync(Case("c-late", submittedAt: At(30)) with { Application = Application + " " });
        await StartCaseAsync(Case("c-b", submittedAt: At(10)) with { Application = Application });
        await StartCaseAsync(Case("c-a", submittedAt: At(10)) with { Application = Application });
        await StartCaseAsync(Case("bundle", submittedAt: At(20)) with { IsBundle = true, Application = Application });
        await StartCaseAsync(Case("bundle-1", submittedAt: At(21)) with { BundleCaseId = "bundle" });
        await StartCaseAsync(Case("old", submittedAt: At(40)));
        Assert.Null(await Cases.TryInsertCaseAsync(Case("unstarted", submittedAt: At(50)) with { Application = Application }, None));

        var rows = await ReadAllAsync(Everything, pageSize: 2);

        Assert.Equal(["c-a", "c-b", "bundle", "c-late", "old"], rows.Select(r => r.CaseId));
        Assert.Equal([Application, Application, Application, Application + " ", null], rows.Select(r => r.Application));
        Assert.True(rows.Single(r => r.CaseId == "bundle").IsBundle);
        SameInstant(At(10), rows[0].SubmittedAt);
        Assert.Null((await Cases.FindCaseAsync("c-a", None))!.Application);
    }

    [Fact]
    public async Task HistoryAsync_Filter_RangeIsHalfOpenAndCodesAndAuthoritiesNarrowIt()
    {
        await StartCaseAsync(Case("before", submittedAt: At(-1)) with { Application = Application });
        await StartCaseAsync(Case("first", submittedAt: At(0)) with { Application = Application });
        await StartCaseAsync(Case("other-code", submittedAt: At(5)) with { ProcedureCode = "passport", Application = Application });
        await StartCaseAsync(Case("other-authority", submittedAt: At(6)) with { AuthorityId = "authority-9", Application = Application });
        await StartCaseAsync(Case("at-end", submittedAt: At(10)) with { Application = Application });

        var range = new HistoryFilter(At(0), At(10), Codes: null, AuthorityIds: null);
        Assert.Equal(["first", "other-code", "other-authority"], (await ReadAllAsync(range, 100)).Select(r => r.CaseId));
        Assert.Equal(["other-code"], (await ReadAllAsync(range with { Codes = ["passport"] }, 100)).Select(r => r.CaseId));
        Assert.Equal(["other-authority"], (await ReadAllAsync(range with { AuthorityIds = ["authority-9"] }, 100)).Select(r => r.CaseId));
        Assert.Empty(await ReadAllAsync(range with { AuthorityIds = [] }, 100));
    }

    [Fact]
    public async Task MarkPurged_CaseWithApplication_ClearsItButTheReadStillListsTheCase()
    {
        await StartCaseAsync(Case("purged", submittedAt: At(1)) with { Application = Application });
        await StartCaseAsync(Case("kept", submittedAt: At(2)) with { Application = Application });
        await CloseCaseAsync("purged", At(5));
        Assert.True(await Storage.WriteAsync(t => t.MarkPurged("purged", At(9)), None));

        var rows = await ReadAllAsync(Everything, 10);

        Assert.Equal(["purged", "kept"], rows.Select(r => r.CaseId));
        Assert.Null(rows[0].Application);
        SameInstant(At(9), rows[0].PurgedAt!.Value);
        Assert.Equal(Application, rows[1].Application);
    }
}
