using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Tests.Authoring;

/// <summary>
/// A procedure's channels, presence steps and result delivery must not contradict each other: each contradiction
/// is a warning at the line that makes it, saying what to change. Lines and columns are counted in
/// <see cref="CatalogFolder.ProcedureYaml"/>.
/// </summary>
public sealed class ChannelLintTests
{
    private const string Procedure = "procedures/p1.yaml";

    [Fact]
    public void Lint_WindowOnlyWithRemoteAlternativeForIdentity_WarnsAtTheAlternative()
    {
        using var folder = CatalogFolder.WithProcedureEdits(("channels: [window, online]", "channels: [window]"));

        var diagnostic = folder.Single(DiagnosticCodes.UnusableRemoteAlternative);

        Assert.Equal(new SourceLocation(folder.File(Procedure), 40, 7), diagnostic.Location);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(
            "Procedure P-1 can only be handed in in person (channels: [window]), so the applicant is at the office anyway and the remote alternative of presence step 'identity' can never spare a trip. Add the remote channel it relies on (online, mobile or mail) to 'channels', or remove this remote_alternative (a 'when' on the step can say when the step is not needed).",
            diagnostic.Message);
        Assert.True(folder.Load().Succeeded);
    }

    [Theory]
    [InlineData("channels: [window, online]")]
    [InlineData("channels: [kiosk, mail]")]
    public void Lint_RemoteChannelOffered_RemoteAlternativeIsFine(string channels)
    {
        using var folder = CatalogFolder.WithProcedureEdits(("channels: [window, online]", channels));

        Assert.Empty(folder.Load().Diagnostics);
    }

    [Fact]
    public void Lint_WindowOnlyWithRemoteAlternativeForThePickup_IsFine()
    {
        // The applicant comes to hand in, but a result sent by post still spares the second trip.
        using var folder = CatalogFolder.WithProcedureEdits(
            ("channels: [window, online]", "channels: [window]"),
            ("    reason: identity_check\n    when: applicant.is_agent\n", "    reason: pickup\n"),
            ("result_delivery: [e_licence]", "result_delivery: [pickup, mail]"));

        Assert.Empty(folder.Load().Diagnostics);
    }

    [Fact]
    public void Lint_PickupOnlyWithoutWindow_WarnsAtTheResultDelivery()
    {
        using var folder = CatalogFolder.WithProcedureEdits(("channels: [window, online]", "channels: [online, kiosk]"), ("result_delivery: [e_licence]", "result_delivery: [pickup]"));

        var diagnostic = folder.Single(DiagnosticCodes.PickupWithoutWindow);

        Assert.Equal(new SourceLocation(folder.File(Procedure), 45, 18), diagnostic.Location);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(
            "The result can only be collected in person (result_delivery: [pickup]), but 'channels' has no window to collect it from (channels: [online, kiosk]). Add window to 'channels', or offer mail, online or e_licence in 'result_delivery'.",
            diagnostic.Message);
    }

    [Fact]
    public void Lint_PickupStepWithoutPickupDelivery_WarnsAtTheStep()
    {
        using var folder = CatalogFolder.WithProcedureEdits(("presence:\n", "presence:\n  - id: collect\n    reason: pickup\n"));

        var diagnostic = folder.Single(DiagnosticCodes.PickupNotDelivered);

        Assert.Equal(new SourceLocation(folder.File(Procedure), 36, 5), diagnostic.Location);
        Assert.Equal(
            "Presence step 'collect' is a pickup, but 'result_delivery' does not offer pickup (result_delivery: [e_licence]), so the step can never happen. Add pickup to 'result_delivery', or remove this step.",
            diagnostic.Message);
    }

    [Theory]
    [InlineData("channels: [window, online]", "channels: []", 44, 11, "'channels' is empty: list at least one way to apply (window, online, mobile, kiosk, mail).")]
    [InlineData("result_delivery: [e_licence]", "result_delivery: []", 45, 18, "'result_delivery' is empty: list at least one way the result reaches the applicant (e_licence, mail, pickup, online).")]
    public void Lint_EmptyChannelsOrDelivery_IsAnError(string original, string replacement, int line, int column, string message)
    {
        using var folder = CatalogFolder.WithProcedureEdits((original, replacement));

        var diagnostic = folder.Single(DiagnosticCodes.MissingKey);

        Assert.Equal(new SourceLocation(folder.File(Procedure), line, column), diagnostic.Location);
        Assert.True(diagnostic.IsError);
        Assert.Equal(message, diagnostic.Message);
    }

    [Fact]
    public void Lint_MisspeltChannel_ReportsOnlyTheMisspelling()
    {
        // [windw, kiosk] reads as [kiosk]: judging that would warn about a remote alternative the author did not write.
        using var folder = CatalogFolder.WithProcedureEdits(("channels: [window, online]", "channels: [windw, kiosk]"));

        var diagnostic = Assert.Single(folder.Load().Diagnostics);

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        Assert.Contains("Did you mean 'window'?", diagnostic.Message, StringComparison.Ordinal);
    }
}
