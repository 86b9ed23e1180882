using System.Text;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Tests.Support;

namespace OneVisit.Rules.Tests.Authoring;

/// <summary>
/// Files a careless or malicious author could hand to <c>onevisit lint</c>. Each must end in an error diagnostic:
/// never an exception, a stack overflow or a hang.
/// </summary>
public sealed class HostileInputTests
{
    private const string Procedure = "procedures/p1.yaml";

    /// <summary>
    /// Loads the folder on a worker thread and fails if it has not finished in 20 seconds. This is a hang guard,
    /// so that a regression fails the test instead of blocking CI; it is not a speed measurement.
    /// </summary>
    private static async Task<CatalogLoadResult> LoadGuarded(CatalogFolder folder)
    {
        var load = Task.Run(folder.Load);
        var finished = await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.True(finished == load, "load hung");
        return await load;
    }

    private static Diagnostic SingleError(CatalogLoadResult result, string code)
    {
        var matches = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matches.Count == 1,
            $"Expected exactly one {code}, got {matches.Count}:{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics)}");
        Assert.True(matches[0].IsError);
        Assert.False(result.Succeeded);
        return matches[0];
    }

    private static string RequiredWhen(string condition) =>
        CatalogFolder.ProcedureYaml.Replace("    required_when: applicant.is_agent", "    required_when: " + condition, StringComparison.Ordinal);

    [Fact]
    public async Task Load_TenMegabyteFile_ReportsFileTooLarge()
    {
        var bytes = new byte[10 * 1024 * 1024];
        Array.Fill(bytes, (byte)'a');
        using var folder = new CatalogFolder().WithBytes(Procedure, bytes);

        var result = await LoadGuarded(folder);

        var diagnostic = SingleError(result, DiagnosticCodes.FileTooLarge);
        Assert.Equal(SourceLocation.StartOf(folder.File(Procedure)), diagnostic.Location);
        Assert.Contains("This file is 10,485,760 bytes", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_InvalidUtf8InMiddleOfFile_ReportsLineOfBadByte()
    {
        // Line 3 is "name_en: Company name registration"; 0xC3 0x28 (a lead byte without its continuation) goes
        // after "name_en: Comp", 13 characters in, after a line 2 of Chinese (multi-byte) text.
        const string before = "name_en: Comp";
        var text = CatalogFolder.ProcedureYaml;
        var at = text.IndexOf(before, StringComparison.Ordinal) + before.Length;
        byte[] bytes = [.. Encoding.UTF8.GetBytes(text[..at]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(text[at..])];
        using var folder = new CatalogFolder().WithBytes(Procedure, bytes);

        var result = await LoadGuarded(folder);

        var diagnostic = SingleError(result, DiagnosticCodes.InvalidUtf8);
        Assert.Equal(new SourceLocation(folder.File(Procedure), 3, 14), diagnostic.Location);
        Assert.Contains("not valid UTF-8", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_HundredThousandOpenBrackets_ReportsTooComplex()
    {
        using var folder = new CatalogFolder().With(Procedure, new string('[', 100_000));

        var result = await LoadGuarded(folder);

        // The 33rd '[' is one level deeper than the 32 allowed.
        var diagnostic = SingleError(result, DiagnosticCodes.TooComplex);
        Assert.Equal(new SourceLocation(folder.File(Procedure), 1, 33), diagnostic.Location);
        Assert.Contains("nesting deeper than 32 levels", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_TwoHundredLevelsOfBlockMappings_ReportsTooComplex()
    {
        // Line n is "a:" indented by 2(n-1) spaces, so mapping level n starts at line n, column 2n-1.
        var yaml = string.Join("\n", Enumerable.Range(0, 200).Select(level => new string(' ', 2 * level) + "a:"));
        using var folder = new CatalogFolder().With(Procedure, yaml);

        var result = await LoadGuarded(folder);

        var diagnostic = SingleError(result, DiagnosticCodes.TooComplex);
        Assert.Equal(new SourceLocation(folder.File(Procedure), 33, 65), diagnostic.Location);
        Assert.Contains("nesting deeper than 32 levels", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_BillionLaughs_ReportsAliasNotAllowed()
    {
        // a is nine strings; each later anchor is nine aliases of the one before: 9^9 strings if expanded.
        var lines = new List<string> { "a: &a [" + string.Join(", ", Enumerable.Repeat("\"lol\"", 9)) + "]" };
        for (var c = 'b'; c <= 'i'; c++)
        {
            lines.Add($"{c}: &{c} [" + string.Join(", ", Enumerable.Repeat($"*{(char)(c - 1)}", 9)) + "]");
        }

        using var folder = new CatalogFolder().With(Procedure, string.Join("\n", lines));

        var result = await LoadGuarded(folder);

        var diagnostic = SingleError(result, DiagnosticCodes.AliasNotAllowed);
        Assert.Equal(new SourceLocation(folder.File(Procedure), 1, 4), diagnostic.Location);
    }

    [Fact]
    public async Task Load_HundredThousandCharacterCondition_ReportsExpressionTooLong()
    {
        var condition = string.Join(" or ", Enumerable.Repeat("applicant.is_agent", 4_546));
        Assert.True(condition.Length >= 100_000);
        using var folder = new CatalogFolder().With(Procedure, RequiredWhen(condition));

        var result = await LoadGuarded(folder);

        var diagnostic = SingleError(result, DiagnosticCodes.ExpressionTooLong);
        Assert.Equal(new SourceLocation(folder.File(Procedure), 31, 20), diagnostic.Location);
        Assert.Contains($"The condition is {condition.Length:N0} characters long; at most 2,000", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_DeeplyNestedParenthesesWithinLengthLimit_ReportsExpressionTooDeep()
    {
        // 990 pairs keep the text under the 2,000-character limit, so depth (not length) is what is reported.
        const int pairs = 990;
        var condition = new string('(', pairs) + "applicant.is_agent" + new string(')', pairs);
        using var folder = new CatalogFolder().With(Procedure, RequiredWhen(condition));

        var result = await LoadGuarded(folder);

        // The 33rd '(' (offset 32 in the value, which starts at column 20) is one level too deep.
        var diagnostic = SingleError(result, DiagnosticCodes.ExpressionTooDeep);
        Assert.Equal(new SourceLocation(folder.File(Procedure), 31, 52), diagnostic.Location);
        Assert.Contains("nests more than 32 levels", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_TwoThousandNestedParentheses_ReportsAnErrorWithoutCrashing()
    {
        // 2,000 pairs make the condition both too long (4,018 characters) and too deep; the length check comes first.
        var condition = new string('(', 2_000) + "applicant.is_agent" + new string(')', 2_000);
        using var folder = new CatalogFolder().With(Procedure, RequiredWhen(condition));

        var result = await LoadGuarded(folder);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code is DiagnosticCodes.ExpressionTooLong or DiagnosticCodes.ExpressionTooDeep);
        Assert.Equal(new SourceLocation(folder.File(Procedure), 31, 20), diagnostic.Location);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Load_ThreeHundredThousandListItems_ReportsTooComplex()
    {
        // A flow list keeps the file under 1 MiB (two bytes an item), so the node limit, not the size limit, applies.
        var yaml = "x: [" + string.Concat(Enumerable.Repeat("1,", 300_000)) + "1]";
        using var folder = new CatalogFolder().With(Procedure, yaml);

        var result = await LoadGuarded(folder);

        // Nodes: the root mapping, the key x, the list, then item k is node k + 3; item 199,998 is node 200,001
        // and starts at column 5 + 2 × 199,997.
        var diagnostic = SingleError(result, DiagnosticCodes.TooComplex);
        Assert.Equal(new SourceLocation(folder.File(Procedure), 1, 399_999), diagnostic.Location);
        Assert.Contains("more than 200,000 values", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_RandomBinaryFile_ReportsAnErrorInThatFile()
    {
        var bytes = new byte[64 * 1024];
        new Random(20170218).NextBytes(bytes);
        using var folder = new CatalogFolder().WithBytes(Procedure, bytes);

        var result = await LoadGuarded(folder);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Location.File == folder.File(Procedure));
    }

    [Fact]
    public async Task Load_TwoYamlDocumentsInOneFile_ReportsMultipleDocuments()
    {
        // The default procedure has 45 lines, so the '---' is line 46.
        using var folder = new CatalogFolder().With(Procedure, CatalogFolder.ProcedureYaml + "\n---\n" + CatalogFolder.ProcedureYaml);

        var result = await LoadGuarded(folder);

        var diagnostic = SingleError(result, DiagnosticCodes.MultipleDocuments);
        Assert.Equal(new SourceLocation(folder.File(Procedure), 46, 1), diagnostic.Location);
        Assert.Contains("second YAML document", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_NinetyThousandEqualKeys_ReportsDuplicatesWithoutQuadraticWork()
    {
        // Under the node limit, but a naive duplicate-key check would compare every key with every other.
        var text = new StringBuilder();
        for (var i = 0; i < 90_000; i++)
        {
            text.Append("k: 1\n");
        }

        using var folder = new CatalogFolder().With(Procedure, text.ToString());

        var result = await LoadGuarded(folder);

        Assert.Equal(89_999, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.DuplicateKey));
        Assert.Equal(new SourceLocation(folder.File(Procedure), 2, 1), result.Diagnostics.First(d => d.Code == DiagnosticCodes.DuplicateKey).Location);
    }
}
