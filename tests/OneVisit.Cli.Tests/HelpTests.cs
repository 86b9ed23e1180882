namespace OneVisit.Cli.Tests;

/// <summary>Every command explains itself with --help, and a wrong call says what to do.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData(new[] { "lint" }, "<catalog-dir>", "--json")]
    [InlineData(new[] { "test" }, "<catalog-dir>", "--json")]
    [InlineData(new[] { "precheck" }, "--application", "--json")]
    [InlineData(new[] { "guide" }, "<procedure>", "--format")]
    [InlineData(new[] { "export" }, "cpsv-ap", "JSON-LD")]
    [InlineData(new[] { "export", "cpsv-ap" }, "<catalog-dir>", "--out")]
    [InlineData(new[] { "export", "cpsv-ap" }, "--base-iri", "--typical-visits")]
    [InlineData(new[] { "cases" }, "list", "show")]
    [InlineData(new[] { "cases", "list" }, "--applicant", "--json")]
    [InlineData(new[] { "cases", "show" }, "<case-id>", "--time-zone")]
    [InlineData(new[] { "demo" }, "--db", "--json")]
    [InlineData(new[] { "demo" }, "--lang", "zh|en")]
    [InlineData(new[] { "cases", "list" }, "--lang", "zh|en")]
    [InlineData(new[] { "cases", "show" }, "--lang", "--db")]
    [InlineData(new[] { "audit" }, "verify", "tampering")]
    [InlineData(new[] { "audit" }, "who-looked", "who looked")]
    [InlineData(new[] { "audit", "verify" }, "--key", "--json")]
    [InlineData(new[] { "audit", "who-looked" }, "<subject-id>", "--json")]
    [InlineData(new[] { "audit", "who-looked" }, "--lang", "read-only")]
    [InlineData(new[] { "cases", "list" }, "--pg", "ONEVISIT_PG")]
    [InlineData(new[] { "cases", "show" }, "--pg", "PGPASSWORD")]
    [InlineData(new[] { "audit", "verify" }, "--pg", "ONEVISIT_PG")]
    [InlineData(new[] { "audit", "who-looked" }, "--pg", "ONEVISIT_PG")]
    public void Help_EachCommand_HasHelpWithItsArgumentsAndOptions(string[] command, string first, string second)
    {
        var (exit, output, error) = Cli.Run([.. command, "--help"]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(error);
        // The usage line starts with the executable's name: onevisit when installed, the test host here.
        Assert.Matches($@"Usage:\s+\S+ {string.Join(' ', command)}\b", output);
        Assert.Contains(first, output, StringComparison.Ordinal);
        Assert.Contains(second, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_Root_ListsEveryCommandAndWhereToStart()
    {
        var (exit, output, _) = Cli.Run("--help");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Start with 'onevisit demo'", output, StringComparison.Ordinal);
        foreach (var command in new[] { "lint", "test", "precheck", "guide", "export", "cases", "audit", "demo" })
        {
            Assert.Matches($@"(?m)^\s+{command}\b", output);
        }
    }

    [Fact]
    public void Run_UnknownCommand_IsAUsageErrorPointingAtHelp()
    {
        var (exit, output, error) = Cli.Run("demos");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains("onevisit --help", error, StringComparison.Ordinal);
    }
}
