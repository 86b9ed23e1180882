using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Actors;

/// <summary>
/// An agent's mandate is checked on every call against the clock: in force, the agent acts for the principal; once it
/// has ended (or before it starts) the same call is denied, saying why, and the case lists nothing to the agent.
/// </summary>
public sealed class MandateTests
{
    private const string Subject = "330106198001010011";
    private const string Procedure = "330100-SC-0003";

    [Fact]
    public async Task GetAsync_MandateEndingInTwoDays_AllowedTodayDeniedInThreeDays()
    {
        await using var harness = await CaseHarness.StartAsync();
        var caseId = await UnderReviewAsync(harness, "ends");
        // As a host's claims give it: an instant with Hangzhou's offset. The denial names it in UTC.
        var ends = harness.Time.GetUtcNow().AddDays(2).ToOffset(TimeSpan.FromHours(8));
        var agent = CaseActor.Agent("agent-1", new Mandate(Subject, ends, [Procedure]));

        var today = await harness.CaseService.As(agent).GetAsync(caseId);
        var listedToday = await harness.CaseService.As(agent).ListAsync();
        harness.Time.Advance(TimeSpan.FromDays(3));
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => harness.CaseService.As(agent).GetAsync(caseId));
        var listedLater = await harness.CaseService.As(agent).ListAsync();

        Assert.Equal(caseId, today.CaseId);
        Assert.Equal([caseId], listedToday.Select(s => s.CaseId));
        Assert.Equal((caseId, CaseOperation.Read, $"agent:agent-1 for {Subject}"), (denied.CaseId, denied.Operation, denied.Actor));
        Assert.Equal($"a mandate in force; this one ended {ends.UtcDateTime:yyyy-MM-dd HH:mm}Z", denied.Needed);
        Assert.Contains("ended", denied.Message, StringComparison.Ordinal);
        Assert.Empty(listedLater);
        // The runtime may write its own lines as the clock moves (deadlines); the agent's denial is one line among them.
        var refused = Assert.Single(await harness.Audit.ForCaseAsync(caseId), l => l.Action == AuditActions.AttemptRefused);
        Assert.Equal((agent.AuditName, Subject), (refused.Actor, refused.SubjectId));
        Assert.Contains(denied.Message, refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_MandateOnItsLastInstant_StillAllowed_OneTickLaterDenied()
    {
        await using var harness = await CaseHarness.StartAsync();
        var caseId = await UnderReviewAsync(harness, "edge");
        var ends = harness.Time.GetUtcNow().AddHours(1);
        var agent = CaseActor.Agent("agent-1", new Mandate(Subject, ends));

        harness.Time.SetUtcNow(ends);
        await harness.CaseService.As(agent).GetAsync(caseId);
        harness.Time.Advance(TimeSpan.FromTicks(1));

        await Assert.ThrowsAsync<AccessDeniedException>(() => harness.CaseService.As(agent).GetAsync(caseId));
    }

    [Fact]
    public async Task GetAsync_MandateStartingTomorrow_DeniedTodaySayingWhenAllowedTomorrow()
    {
        await using var harness = await CaseHarness.StartAsync();
        var caseId = await UnderReviewAsync(harness, "starts");
        var starts = harness.Time.GetUtcNow().AddDays(1).ToOffset(TimeSpan.FromHours(8));
        var agent = CaseActor.Agent("agent-1", new Mandate(Subject, starts.AddDays(30), [Procedure], starts));

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => harness.CaseService.As(agent).GetAsync(caseId));
        var listedToday = await harness.CaseService.As(agent).ListAsync();
        harness.Time.Advance(TimeSpan.FromDays(1));
        var tomorrow = await harness.CaseService.As(agent).GetAsync(caseId);

        Assert.Equal($"a mandate in force; this one starts {starts.UtcDateTime:yyyy-MM-dd HH:mm}Z", denied.Needed);
        Assert.Empty(listedToday);
        Assert.Equal(caseId, tomorrow.CaseId);
    }

    [Fact]
    public async Task SubmitAsync_AgentUnderMandate_SubmitsForThePrincipal_ExpiredMandateCannot()
    {
        await using var harness = await CaseHarness.StartAsync();
        var agent = CaseActor.Agent("agent-1", new Mandate(Subject, harness.Time.GetUtcNow().AddDays(2), [Procedure]));

        var submitted = await harness.CaseService.As(agent).SubmitAsync(harness.Errand("03-company-name-province.yaml", "by-agent") with { ApplicantId = null });
        harness.Time.Advance(TimeSpan.FromDays(3));
        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => harness.CaseService.As(agent).SubmitAsync(harness.Errand("03-company-name-province.yaml", "by-agent-late") with { ApplicantId = null }));

        Assert.Equal(Subject, submitted.ApplicantId);
        var line = Assert.Single(await harness.Audit.ForCaseAsync(submitted.CaseId), l => l.Action == AuditActions.Submitted);
        Assert.Equal($"agent:agent-1 for {Subject}", line.Actor);
        Assert.Equal((CaseOperation.Submit, ""), (denied.Operation, denied.CaseId));
        Assert.StartsWith("a mandate in force; this one ended ", denied.Needed, StringComparison.Ordinal);
        Assert.Single(await harness.Cases.ListAsync());
    }

    private static async Task<string> UnderReviewAsync(CaseHarness harness, string key)
    {
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", key));
        return (await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview)).CaseId;
    }
}
