namespace OneVisit.Cli.Tests.Lint;

public sealed class LintCommandTests
{
    [Fact]
    public void Lint_SampleCatalogue_PrintsCleanSummaryAndExitsZero()
    {
        var (exitCode, output, _) = Cli.Run("lint", RepositoryRoot.SampleCatalogue);

        Assert.True(exitCode == ExitCodes.Ok, output);
        var summary = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(": clean — ", summary, StringComparison.Ordinal);
        Assert.Matches(@"\d+ procedures", summary);
    }

    [Fact]
    public void Lint_CopyWithMisspeltFact_PrintsPositionSuggestionAndSummary()
    {
        using var copy = new CatalogueCopy();
        var (file, line, column) = Misspell(copy.Path, "enterprise.registered_capital", "enterprise.registerd_capital");

        var (exitCode, output, _) = Cli.Run("lint", copy.Path);

        Assert.Equal(ExitCodes.Errors, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(
            $"{file}:{line}:{column}: error OV3002: 'enterprise.registerd_capital' is not declared in facts.yaml. Did you mean 'enterprise.registered_capital'?",
            lines);
        Assert.Contains(": 1 error, 0 warnings in ", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_Json_ReportsEachDiagnosticWithPosition()
    {
        using var copy = new CatalogueCopy();
        var (file, line, column) = Misspell(copy.Path, "enterprise.registered_capital", "enterprise.registerd_capital");

        var (exitCode, output, _) = Cli.Run("lint", copy.Path, "--json");

        Assert.Equal(ExitCodes.Errors, exitCode);
        using var json = JsonConvention.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("errors").GetInt32());
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(file, diagnostic.GetProperty("file").GetString());
        Assert.Equal(line, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(column, diagnostic.GetProperty("column").GetInt32());
        Assert.Equal("OV3002", diagnostic.GetProperty("code").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
    }

    [Fact]
    public void Lint_OnlyWarnings_ExitsTwo()
    {
        using var copy = new CatalogueCopy();
        var catalogYaml = Path.Combine(copy.Path, "catalog.yaml");
        File.AppendAllText(catalogYaml, "\nregoin: typo\n");

        var (exitCode, output, _) = Cli.Run("lint", copy.Path);

        Assert.Equal(ExitCodes.Warnings, exitCode);
        Assert.Contains("warning OV1008: 'regoin' is not a key of a catalogue description, so it is ignored. Did you mean 'region'?", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_MissingFolder_ExitsWithUsageError()
    {
        var (exitCode, output, error) = Cli.Run("lint", "/no/such/catalogue");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(output);
        Assert.Contains("there is no folder '/no/such/catalogue'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("lint", "a", "--no-such-option")]
    [InlineData("no-such-command")]
    public void Run_WrongArguments_ExitsWithUsageAndHint(params string[] args)
    {
        var (exitCode, _, error) = Cli.Run(args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("onevisit --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_Help_DescribesArgumentsAndExitCodes()
    {
        var (exitCode, output, _) = Cli.Run("lint", "--help");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("catalog-dir", output, StringComparison.Ordinal);
        Assert.Contains("--json", output, StringComparison.Ordinal);
        Assert.Contains("0 clean, 1 errors, 2 only warnings", output, StringComparison.Ordinal);
    }

    /// <summary>Misspells the first condition that mentions <paramref name="fact"/>; returns where it now stands.</summary>
    private static (string File, int Line, int Column) Misspell(string catalogue, string fact, string misspelt)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(catalogue, "procedures")).Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var at = lines[i].IndexOf(fact, StringComparison.Ordinal);
                if (at >= 0 && !lines[i].TrimStart().StartsWith('#'))
                {
                    lines[i] = string.Concat(lines[i].AsSpan(0, at), misspelt, lines[i].AsSpan(at + fact.Length));
                    File.WriteAllLines(file, lines);
                    return (file, i + 1, at + 1);
                }
            }
        }

        throw new InvalidOperationException($"No procedure of the sample catalogue mentions {fact}.");
    }
}
