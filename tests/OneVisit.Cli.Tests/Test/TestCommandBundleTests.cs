using System.Text.Json;
using System.Text.RegularExpressions;

namespace OneVisit.Cli.Tests.Test;

/// <summary><c>onevisit test</c> on a catalogue with a bundle case: shown like a procedure case, naming the bundle.</summary>
public sealed class TestCommandBundleTests
{
    private const string Bundle = "330100-YJS-9001";

    // The four birth procedures of the sample as one matter at the general window (a code the sample does not use).
    private const string BundleYaml = """
        code: 330100-YJS-9001
        name: 出生一件事（测试）
        version: 1
        effective_from: 2016-01-01
        event: {kind: life, name: 出生}
        lead: hz_health_shangcheng
        members:
          - procedure: 330100-SC-0005
          - procedure: 330100-SC-0006
          - procedure: 330100-SC-0007
          - procedure: 330100-SC-0008
        flows:
          - from: 330100-SC-0005
            to: {procedure: 330100-SC-0006, material: birth_certificate}
            via: e_licence
          - from: 330100-SC-0006
            to: {procedure: 330100-SC-0007, material: household_register}
            via: e_licence
        acceptance: {window: hz_general_window, channels: [window, online]}
        delivery: unified
        """;

    private const string CaseYaml = """
        cases:
          - name: 医院出生，随父落户，一窗受理
            bundle: 330100-YJS-9001
            window: hz_general_window
            facts:
              child.born_in_licensed_institution: true
              child.born_in_joint_service_hospital: false
              child.father_recorded: true
              child.hukou_follows: father
              child.has_local_hukou: true
              child.birth_date: 2017-02-10
              applicant.insured_in_hangzhou: true
            documents:
              - document: resident_id_card
                issued_on: 2012-05-04
                expires_on: 2032-05-04
              - document: social_security_card_application
                electronic: true
            expect:
              verdict: one_visit
              visits: 1
              naive_visits: 4
              members: {330100-SC-0005: included, 330100-SC-0008: included}
              materials: {birth_medical_certificate: passed_on, resident_id_card: held}
              open_questions: []
        """;

    [Fact]
    public void Test_BundleCaseThatHolds_PassesNamingTheBundle()
    {
        using var copy = WithBundleCase(CaseYaml);

        var (exitCode, output, error) = Cli.Run("test", copy.Path);

        Assert.True(exitCode == ExitCodes.Ok, output + error);
        Assert.Contains($"PASS 医院出生，随父落户，一窗受理 — bundle {Bundle}", Lines(output));
    }

    [Fact]
    public void Test_BundleCaseExpectingTwoTrips_ShowsTheOneTripAndWhyAndTheMembersRules()
    {
        using var copy = WithBundleCase(CaseYaml.Replace("visits: 1", "visits: 2", StringComparison.Ordinal));

        var (exitCode, output, _) = Cli.Run("test", copy.Path);

        Assert.Equal(ExitCodes.Errors, exitCode);
        var lines = Lines(output);
        var fail = Assert.Single(lines, l => l.StartsWith("FAIL ", StringComparison.Ordinal));
        Assert.StartsWith($"FAIL 医院出生，随父落户，一窗受理 — bundle {Bundle} (", fail, StringComparison.Ordinal);
        var at = Array.IndexOf(lines, fail);
        Assert.Equal("  visits", lines[at + 1]);
        Assert.Matches(@"^\s+expected\s+2$", lines[at + 2]);
        Assert.Matches(@"^\s+actual\s+1 \(trip 1: 综合受理窗口, .+, for 330100-SC-0005, 330100-SC-0006, 330100-SC-0007, 330100-SC-0008\)$", lines[at + 3]);
        Assert.Equal("  rules that fired:", lines[at + 4]);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\s+330100-SC-0006/\S+\s+true\s+\S+\.yaml:\d+:\d+$"));
        Assert.Matches(@"^\d+ passed, 1 failed$", lines[^1]);
    }

    [Fact]
    public void Test_BundleCaseJson_NamesTheBundleWithMismatchesAndMembersRules()
    {
        using var copy = WithBundleCase(CaseYaml.Replace("open_questions: []", "open_questions: [child.father_recorded]", StringComparison.Ordinal));

        var (exitCode, output, _) = Cli.Run("test", copy.Path, "--json");

        Assert.Equal(ExitCodes.Errors, exitCode);
        using var json = JsonConvention.Parse(output);
        var failed = Assert.Single(json.RootElement.GetProperty("cases").EnumerateArray(), c => !c.GetProperty("passed").GetBoolean());
        Assert.Equal(Bundle, failed.GetProperty("bundle").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("procedure").ValueKind);
        var mismatch = Assert.Single(failed.GetProperty("mismatches").EnumerateArray());
        Assert.Equal(("open_questions", "to include child.father_recorded", "none"),
            (mismatch.GetProperty("what").GetString(), mismatch.GetProperty("expected").GetString(), mismatch.GetProperty("actual").GetString()));
        Assert.Contains(failed.GetProperty("firedRules").EnumerateArray(), r => r.GetProperty("name").GetString()!.StartsWith("330100-SC-0005/", StringComparison.Ordinal));
        var procedureCase = json.RootElement.GetProperty("cases").EnumerateArray().First();
        Assert.Equal(JsonValueKind.Null, procedureCase.GetProperty("bundle").ValueKind);
    }

    [Fact]
    public void Test_BundleCaseWithMisspeltMember_PrintsThePositionedDiagnostic()
    {
        using var copy = WithBundleCase(CaseYaml.Replace("330100-SC-0008: included", "330100-SC-0080: included", StringComparison.Ordinal));

        var (exitCode, output, error) = Cli.Run("test", copy.Path);

        Assert.Equal(ExitCodes.Errors, exitCode);
        Assert.Empty(output);
        Assert.Matches(@"99-bundle\.yaml:\d+:\d+: error OV2002: 330100-SC-0080 is not a member of bundle 330100-YJS-9001\. Did you mean '330100-SC-0008'\?", error);
    }

    private static CatalogueCopy WithBundleCase(string cases)
    {
        var copy = new CatalogueCopy();
        Directory.CreateDirectory(Path.Combine(copy.Path, "bundles"));
        File.WriteAllText(Path.Combine(copy.Path, "bundles", "99-test-birth.yaml"), BundleYaml);
        File.WriteAllText(Path.Combine(copy.Path, "tests", "99-bundle.yaml"), cases);
        return copy;
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
