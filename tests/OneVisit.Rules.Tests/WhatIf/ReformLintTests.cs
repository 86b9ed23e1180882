using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Tests.Support;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Rules.Tests.WhatIf;

/// <summary>Reform files are linted like catalogue files: positions, suggestions, and nothing applied when they are wrong.</summary>
public sealed class ReformLintTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("onevisit-reform-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void UnknownDocument_IsAnErrorAtItsLine_WithTheNearestId()
    {
        var loaded = Load("""
            reform: typo
            name: 共享
            effective_from: 2021-01-01
            changes:
              - share_document:
                  document: real_estate_certificat
            """);

        var error = Assert.Single(loaded.Diagnostics, d => d.IsError);
        Assert.Equal((DiagnosticCodes.UnknownReference, 6), (error.Code, error.Location.Line));
        Assert.Contains("real_estate_certificate", error.Message, StringComparison.Ordinal);
        Assert.Empty(loaded.Applied);
    }

    [Fact]
    public void UnknownKindOfChange_ListsTheKinds()
    {
        var loaded = Load("""
            reform: typo
            name: 共享
            effective_from: 2021-01-01
            changes:
              - share_documents: {document: real_estate_certificate}
            """);

        var error = Assert.Single(loaded.Diagnostics, d => d.IsError);
        Assert.Contains("did you mean 'share_document'", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("allow_channel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConditionWithAnUnknownFact_IsAnErrorInsideTheCondition()
    {
        var loaded = Load("""
            reform: face
            name: 刷脸
            effective_from: 2021-01-01
            changes:
              - add_remote_alternative:
                  reason: identity_check
                  description: 刷脸
                  when: applicant.has_smartfone
            """);

        var error = Assert.Single(loaded.Diagnostics, d => d.IsError);
        Assert.Equal(8, error.Location.Line);
        Assert.Contains("applicant.has_smartphone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeThatFindsNothingToChange_IsAWarningAndTheReformStillApplies()
    {
        var loaded = Load("""
            reform: already
            name: 已共享
            effective_from: 2021-01-01
            changes:
              - share_document: {document: no_housing_certificate}
              - allow_channel: {channel: online, procedures: [330100-SC-0030]}
            """);

        var warning = Assert.Single(loaded.Diagnostics);
        Assert.Equal((DiagnosticCodes.ReformChangesNothing, 5, false), (warning.Code, warning.Location.Line, warning.IsError));
        Assert.True(loaded.Succeeded);
        Assert.Single(loaded.Applied[0].Effects);
    }

    [Fact]
    public void UnknownProcedure_IsAnError_AndWindowIsNotARemoteChannel()
    {
        var loaded = Load("""
            reform: bad
            name: 错
            effective_from: 2021-01-01
            changes:
              - allow_channel: {channel: window, procedures: [330100-SC-0030]}
              - allow_delivery: {delivery: mail, procedures: [330100-SC-9999]}
            """);

        Assert.Equal([5, 6], loaded.Diagnostics.Where(d => d.IsError).Select(d => d.Location.Line).Order());
        Assert.False(loaded.Succeeded);
    }

    [Fact]
    public void MissingFile_SaysSo()
    {
        var loaded = ReformLoader.Load(SampleCatalogue.Catalog, [Path.Combine(_folder, "nope.yaml")]);

        Assert.Equal(DiagnosticCodes.MissingFile, Assert.Single(loaded.Diagnostics).Code);
    }

    [Fact]
    public void AddFlow_IsCheckedAgainstTheBundlesMembers()
    {
        var loaded = Load("""
            reform: flow
            name: 流转
            effective_from: 2021-01-01
            changes:
              - add_flow:
                  bundle: 330100-YJS-0004
                  flow: {from: 330100-SC-0001, to: {procedure: 330100-SC-0015, material: sale_contract}, via: push}
            """);

        var error = Assert.Single(loaded.Diagnostics, d => d.IsError);
        Assert.Contains("not a member", error.Message, StringComparison.Ordinal);
    }

    private ReformLoadResult Load(string yaml)
    {
        var path = Path.Combine(_folder, "reform.yaml");
        File.WriteAllText(path, yaml);
        return ReformLoader.Load(SampleCatalogue.Catalog, [path]);
    }
}
