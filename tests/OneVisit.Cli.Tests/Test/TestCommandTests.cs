using System.Text.Json;
using System.Text.RegularExpressions;

namespace OneVisit.Cli.Tests.Test;

public sealed class TestCommandTests
{
    [Fact]
    public void Test_SampleCatalogue_PassesEveryCaseAndExitsZero()
    {
        var cases = CaseCount(RepositoryRoot.SampleCatalogue);

        var (exitCode, output, error) = Cli.Run("test", RepositoryRoot.SampleCatalogue);

        Assert.True(exitCode == ExitCodes.Ok, output + error);
        var lines = Lines(output);
        Assert.Equal($"{cases} passed, 0 failed", lines[^1]);
        Assert.Equal(cases, lines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)));
        Assert.Empty(error);
    }

    [Fact]
    public void Test_CopyWithWrongExpectation_ShowsExpectedActualAndFiredRulesWithPositions()
    {
        using var copy = new CatalogueCopy();
        var cases = CaseCount(copy.Path);
        var testFile = Path.Combine(copy.Path, "tests", "01-branch-registration.yaml");
        ReplaceFirst(testFile, "premises_lease_contract: missing", "premises_lease_contract: held");

        var (exitCode, output, _) = Cli.Run("test", copy.Path);

        Assert.Equal(ExitCodes.Errors, exitCode);
        var lines = Lines(output);
        var fail = Assert.Single(lines, l => l.StartsWith("FAIL ", StringComparison.Ordinal));
        Assert.Contains($"({testFile}:", fail, StringComparison.Ordinal);
        var at = Array.IndexOf(lines, fail);
        Assert.Equal("  materials.premises_lease_contract", lines[at + 1]);
        Assert.Matches(@"^\s+expected\s+held$", lines[at + 2]);
        Assert.Matches(@"^\s+actual\s+missing$", lines[at + 3]);
        Assert.Equal("  rules that fired:", lines[at + 4]);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^\s+330100-SC-0001/material/premises_lease_contract/required\s+true\s+\S+\.yaml:\d+:\d+$"));
        Assert.Equal($"{cases - 1} passed, 1 failed", lines[^1]);
    }

    [Fact]
    public void Test_Json_ListsCasesWithMismatchesFiredRulesAndTotals()
    {
        using var copy = new CatalogueCopy();
        var cases = CaseCount(copy.Path);
        ReplaceFirst(Path.Combine(copy.Path, "tests", "02-vehicle-transfer-out.yaml"), "verdict: one_visit", "verdict: online");

        var (exitCode, output, _) = Cli.Run("test", copy.Path, "--json");

        Assert.Equal(ExitCodes.Errors, exitCode);
        using var json = JsonConvention.Parse(output);
        var root = json.RootElement;
        Assert.Equal(cases - 1, root.GetProperty("totals").GetProperty("passed").GetInt32());
        Assert.Equal(1, root.GetProperty("totals").GetProperty("failed").GetInt32());
        Assert.Equal(cases, root.GetProperty("cases").GetArrayLength());
        var failed = Assert.Single(root.GetProperty("cases").EnumerateArray(), c => !c.GetProperty("passed").GetBoolean());
        Assert.EndsWith("02-vehicle-transfer-out.yaml", failed.GetProperty("location").GetProperty("file").GetString(), StringComparison.Ordinal);
        var mismatch = Assert.Single(failed.GetProperty("mismatches").EnumerateArray());
        Assert.Equal("verdict", mismatch.GetProperty("what").GetString());
        Assert.Equal("online", mismatch.GetProperty("expected").GetString());
        Assert.Equal("one_visit", mismatch.GetProperty("actual").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("error").ValueKind);
        var rule = failed.GetProperty("firedRules").EnumerateArray().First();
        Assert.Contains(rule.GetProperty("result").ValueKind, new[] { JsonValueKind.True, JsonValueKind.Null });
        Assert.True(rule.GetProperty("location").GetProperty("line").GetInt32() > 0);
    }

    [Fact]
    public void Test_SampleCatalogueJson_AllPassed()
    {
        var (exitCode, output, _) = Cli.Run("test", RepositoryRoot.SampleCatalogue, "--json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        using var json = JsonConvention.Parse(output);
        Assert.Equal(CaseCount(RepositoryRoot.SampleCatalogue), json.RootElement.GetProperty("totals").GetProperty("passed").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("totals").GetProperty("failed").GetInt32());
    }

    [Fact]
    public void Test_CatalogueWithErrors_PrintsDiagnosticsAndExitsOne()
    {
        using var copy = new CatalogueCopy();
        var testFile = Path.Combine(copy.Path, "tests", "04-housing-fund-rent-withdrawal.yaml");
        ReplaceFirst(testFile, "applicant.has_smartphone: true", "applicant.has_smarphone: true");

        var (exitCode, output, error) = Cli.Run("test", copy.Path);

        Assert.Equal(ExitCodes.Errors, exitCode);
        Assert.Empty(output);
        Assert.Matches($@"{Regex.Escape(testFile)}:\d+:\d+: error OV2002: 'applicant.has_smarphone' is not declared", error);
    }

    [Fact]
    public void Test_MissingFolder_ExitsWithUsageError()
    {
        var (exitCode, output, error) = Cli.Run("test", "/no/such/catalogue");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(output);
        Assert.Contains("there is no folder '/no/such/catalogue'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_Help_DescribesOutputAndExitCodes()
    {
        var (exitCode, output, _) = Cli.Run("test", "--help");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("--json", output, StringComparison.Ordinal);
        Assert.Contains("0 all passed, 1 a case failed", output, StringComparison.Ordinal);
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    private static int CaseCount(string catalogue) => Directory
        .EnumerateFiles(Path.Combine(catalogue, "tests"), "*.yaml")
        .Sum(file => File.ReadLines(file).Count(line => Regex.IsMatch(line, @"^\s*- name:")));

    private static void ReplaceFirst(string file, string text, string replacement)
    {
        var content = File.ReadAllText(file);
        var at = content.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{file} does not contain '{text}'.");
        File.WriteAllText(file, string.Concat(content.AsSpan(0, at), replacement, content.AsSpan(at + text.Length)));
    }
}
