using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>Visits are computed from presence steps, remote alternatives, data sharing and how the result is delivered.</summary>
public sealed class VisitTests : IDisposable
{
    private const string RemoteFaceCheck = "    remote_alternative:\n      description: 刷脸认证\n";

    private readonly CatalogFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Check_IdentityCheckWithoutRemoteAlternativeAndPickupOnAnotherDay_IsTwoVisits()
    {
        Procedure(p => p.Replace(RemoteFaceCheck, "", StringComparison.Ordinal).Replace("result_delivery: [e_licence]", "result_delivery: [pickup]", StringComparison.Ordinal));

        var result = Check(isAgent: true);

        Assert.Equal(2, result.Visits.Count);
        Assert.Equal(Verdict.MultipleVisits, result.Verdict);
        Assert.Equal([("identity", 1), ("result_pickup", 2)], result.Visits.Reasons.Select(r => (r.StepId, r.Visit)));
    }

    [Fact]
    public void Check_PickupWhenDecidedOnTheSpot_IsTheSameVisit()
    {
        Procedure(p => p.Replace(RemoteFaceCheck, "", StringComparison.Ordinal)
            .Replace("result_delivery: [e_licence]", "result_delivery: [pickup]", StringComparison.Ordinal)
            .Replace("promised: {working_days: 1}", "promised: {working_days: 0}", StringComparison.Ordinal));

        var result = Check(isAgent: true);

        Assert.Equal(1, result.Visits.Count);
        Assert.Equal(Verdict.OneVisit, result.Verdict);
    }

    [Fact]
    public void Check_PickupOnly_IsOneVisit()
    {
        Procedure(p => p.Replace("result_delivery: [e_licence]", "result_delivery: [pickup]", StringComparison.Ordinal));

        var result = Check(isAgent: false);

        var pickup = Assert.Single(result.Visits.Reasons);
        Assert.Equal(PresenceReason.Pickup, pickup.Reason);
        Assert.Equal(1, result.Visits.Count);
    }

    [Fact]
    public void Check_ResultCanBeMailed_NoPickupIsImplied()
    {
        Procedure(p => p.Replace("result_delivery: [e_licence]", "result_delivery: [pickup, mail]", StringComparison.Ordinal));

        Assert.Equal(0, Check(isAgent: false).Visits.Count);
    }

    [Fact]
    public void Check_RemoteAlternativeAvailable_StepIsAvoidedAndSaysWhatReplacesIt()
    {
        var result = Check(isAgent: true);

        Assert.Equal(0, result.Visits.Count);
        var avoided = Assert.Single(result.Visits.Avoided);
        Assert.Equal("identity", avoided.StepId);
        Assert.Equal("刷脸认证", avoided.Instead.Text.Text);
    }

    [Fact]
    public void Check_OriginalsAllHeldElectronically_OriginalsStepNeedsNoTrip()
    {
        Procedure(p => p.Replace("presence:\n", "presence:\n  - id: originals\n    reason: originals\n", StringComparison.Ordinal));

        var onPaper = Check(isAgent: false, electronicForm: false);
        var electronic = Check(isAgent: false, electronicForm: true);

        Assert.Contains(onPaper.Visits.Reasons, r => r.StepId == "originals");
        Assert.Equal(1, onPaper.Visits.Count);
        Assert.Contains(electronic.Visits.Avoided, a => a.StepId == "originals");
        Assert.Equal(0, electronic.Visits.Count);
    }

    [Fact]
    public void Check_PresenceDependsOnAnUnknownFact_IsCountedAndAsked()
    {
        Procedure(p => p.Replace(RemoteFaceCheck, "", StringComparison.Ordinal));

        var result = Check(isAgent: null);

        var identity = Assert.Single(result.Visits.Reasons);
        Assert.Equal(Truth.Unknown, identity.Needed);
        Assert.Equal(1, result.Visits.Count);
        Assert.Contains(result.OpenQuestions, q => q.Path == "applicant.is_agent" && q.Affects.Contains("P-1/presence/identity"));
    }

    [Theory]
    [InlineData("[window]")]
    [InlineData("[kiosk]")]
    [InlineData("[window, kiosk]")]
    public void Check_NoRemoteChannel_HandingInIsAVisitSoNeverOnline(string channels)
    {
        Procedure(p => p.Replace("channels: [window, online]", $"channels: {channels}", StringComparison.Ordinal));

        var result = Check(isAgent: false);

        Assert.Equal(Verdict.OneVisit, result.Verdict);
        var handIn = Assert.Single(result.Visits.Reasons);
        Assert.Equal(("hand_in", PresenceReason.HandIn, 1, Truth.True), (handIn.StepId, handIn.Reason, handIn.Visit, handIn.Needed));
        Assert.Equal("P-1/channels/hand_in", handIn.Why.Rule);
        Assert.Contains("no online, mobile or postal channel", handIn.Why.Text.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[online]")]
    [InlineData("[mobile]")]
    [InlineData("[mail]")]
    [InlineData("[kiosk, mail]")]
    public void Check_SomeRemoteChannel_ApplyingFromHomeIsNoVisit(string channels)
    {
        Procedure(p => p.Replace("channels: [window, online]", $"channels: {channels}", StringComparison.Ordinal));

        var result = Check(isAgent: false);

        Assert.Equal(Verdict.Online, result.Verdict);
        Assert.Empty(result.Visits.Reasons);
    }

    [Fact]
    public void Check_ApplicationAtAWindow_HandingInThereIsTheVisit()
    {
        var result = Check(isAgent: false, window: "hz_window");

        Assert.Equal(Verdict.OneVisit, result.Verdict);
        var handIn = Assert.Single(result.Visits.Reasons);
        Assert.Equal("hand_in", handIn.StepId);
        Assert.Equal("在市民中心窗口提交申请", handIn.Why.Text.Text);
    }

    [Fact]
    public void Check_WindowOnlyWithAnIdentityCheck_BothHappenOnTheOneVisit()
    {
        Procedure(p => p.Replace(RemoteFaceCheck, "", StringComparison.Ordinal).Replace("channels: [window, online]", "channels: [window]", StringComparison.Ordinal));

        var result = Check(isAgent: true);

        Assert.Equal(1, result.Visits.Count);
        Assert.Equal([("hand_in", 1), ("identity", 1)], result.Visits.Reasons.Select(r => (r.StepId, r.Visit)));
    }

    [Fact]
    public void Check_WindowOnlyWithPickupOnAnotherDay_IsTwoVisits()
    {
        Procedure(p => p.Replace("channels: [window, online]", "channels: [window]", StringComparison.Ordinal)
            .Replace("result_delivery: [e_licence]", "result_delivery: [pickup]", StringComparison.Ordinal));

        var result = Check(isAgent: false);

        Assert.Equal(Verdict.MultipleVisits, result.Verdict);
        Assert.Equal([("hand_in", 1), ("result_pickup", 2)], result.Visits.Reasons.Select(r => (r.StepId, r.Visit)));
    }

    [Fact]
    public void Check_WindowOnlyDecidedOnTheSpot_PickupIsTheSameVisit()
    {
        Procedure(p => p.Replace("channels: [window, online]", "channels: [window]", StringComparison.Ordinal)
            .Replace("result_delivery: [e_licence]", "result_delivery: [pickup]", StringComparison.Ordinal)
            .Replace("promised: {working_days: 1}", "promised: {working_days: 0}", StringComparison.Ordinal));

        var result = Check(isAgent: false);

        Assert.Equal(Verdict.OneVisit, result.Verdict);
        Assert.Equal([("hand_in", 1), ("result_pickup", 1)], result.Visits.Reasons.Select(r => (r.StepId, r.Visit)));
    }

    private void Procedure(Func<string, string> edit)
    {
        var edited = edit(CatalogFolder.ProcedureYaml);
        Assert.NotEqual(CatalogFolder.ProcedureYaml, edited);
        _folder.With("procedures/p1.yaml", edited);
    }

    private PrecheckResult Check(bool? isAgent, bool electronicForm = true, string? window = null)
    {
        var engine = new PrecheckEngine(_folder.Load().GetCatalogOrThrow());
        return engine.Check(new PrecheckRequest
        {
            ProcedureCode = "P-1",
            AsOf = new DateOnly(2017, 2, 18),
            WindowId = window,
            Facts = new Dictionary<string, object?>
            {
                ["enterprise.name"] = "杭州测试有限公司",
                ["enterprise.registered_capital"] = 50000m,
                ["applicant.is_agent"] = isAgent,
            },
            Documents =
            [
                new HeldDocument("application_form", "2012", new DateOnly(2017, 2, 1), Electronic: electronicForm),
                new HeldDocument("power_of_attorney", IssuedOn: new DateOnly(2017, 2, 1)),
            ],
        });
    }
}
