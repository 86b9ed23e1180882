using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Audit;

/// <summary>Lines written by real case steps (each in its step's save, some steps run again) form chains that verify, sealed with the host's key.</summary>
public sealed class AuditChainRuntimeTests
{
    private const string Key = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="; // 1..32

    [Fact]
    public async Task VerifyAsync_DecidedCaseRunWithAKey_EveryLineChainedAndSealed()
    {
        await using var harness = await CaseHarness.StartAsync(options: o => o.AuditKey = Key);
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "chained"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));
        await harness.WaitForStage(submitted.CaseId, CaseStage.Closed);

        var verification = await harness.Audit.VerifyAsync(submitted.CaseId);

        var check = Assert.Single(verification.Cases);
        Assert.True(verification.MacsChecked);
        Assert.Equal(AuditChainState.Verified, check.State);
        Assert.Equal((await harness.Audit.ForCaseAsync(submitted.CaseId)).Count, check.ChainedLines);
        Assert.True((await harness.Audit.VerifyAsync()).AllVerified);
    }
}
