using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>The store's own failures reach a caller as <see cref="CaseStoreException"/>, saying whether a retry can help.</summary>
public sealed class StoreFailureTests
{
    [Theory]
    [InlineData("X'00'")]
    [InlineData("X'7B226E6F74223A2261206361736522'")] // {"not":"a case"}
    [InlineData("zeroblob(64)")]
    public async Task GetAsync_DamagedCaseDocument_IsReportedAsAStoreFailureNotToBeRetried(string damage)
    {
        await using var harness = await CaseHarness.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "damaged"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        Assert.Equal(1, await harness.ExecuteAsync($"UPDATE wf_instances SET document = {damage} WHERE reference = $c", ("$c", submitted.CaseId)));

        var read = await Assert.ThrowsAsync<CaseStoreException>(() => harness.Cases.GetAsync(submitted.CaseId));
        var decide = await Assert.ThrowsAsync<CaseStoreException>(() => harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true)));

        Assert.False(read.MayRetry);
        Assert.False(decide.MayRetry);
        Assert.Contains("backup", read.Message);
    }
}
