using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Tests.Support;

namespace OneVisit.Rules.Tests.Authoring;

/// <summary>
/// One broken thing per test, starting from the valid <see cref="CatalogFolder"/>: each diagnostic must come with
/// its code, the exact line and column (1-based, counted by hand in the YAML below), and the advice in its message.
/// </summary>
public sealed class LintDiagnosticsTests
{
    private const string Procedure = "procedures/p1.yaml";
    private const string Tests = "tests/p1.yaml";

    // The default texts, keyed by file, so a theory can name the file it breaks.
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        ["catalog.yaml"] = CatalogFolder.CatalogYaml,
        ["facts.yaml"] = CatalogFolder.FactsYaml,
        ["authorities.yaml"] = CatalogFolder.AuthoritiesYaml,
        ["documents.yaml"] = CatalogFolder.DocumentsYaml,
        [Procedure] = CatalogFolder.ProcedureYaml,
        [Tests] = CatalogFolder.TestsYaml,
    };

    /// <summary>The default text of <paramref name="file"/> with one unique piece replaced.</summary>
    private static string Edit(string file, string original, string replacement)
    {
        var text = Defaults[file];
        var at = text.IndexOf(original, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{original}' is not in the default {file}.");
        Assert.True(text.IndexOf(original, at + 1, StringComparison.Ordinal) < 0, $"'{original}' is not unique in the default {file}.");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + original.Length));
    }

    private static CatalogFolder Broken(string file, string original, string replacement) =>
        new CatalogFolder().With(file, Edit(file, original, replacement));

    private static void AssertAt(CatalogFolder folder, string file, int line, int column, Diagnostic diagnostic) =>
        Assert.Equal(new SourceLocation(folder.File(file), line, column), diagnostic.Location);

    // ---- OV1xxx: files and YAML -------------------------------------------------------------------------------

    [Theory]
    // An unclosed double quote: nothing later in catalog.yaml closes it, so the scalar runs to the end of the file.
    [InlineData("name_en: Test catalogue", "name_en: \"Test catalogue", 2, 10)]
    // Bad indentation: ' region:' continues the plain scalar 'Test catalogue', and its ':' cannot start a value there.
    [InlineData("region: zhejiang/hangzhou", " region: zhejiang/hangzhou", 3, 8)]
    public void Lint_YamlSyntaxError_ReportsPosition(string original, string replacement, int line, int column)
    {
        using var folder = Broken("catalog.yaml", original, replacement);

        var diagnostic = folder.Single(DiagnosticCodes.YamlSyntax);

        AssertAt(folder, "catalog.yaml", line, column, diagnostic);
        Assert.True(diagnostic.IsError);
        Assert.StartsWith("This is not valid YAML", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_YamlSyntaxError_ReportsNothingElseForThatFile()
    {
        // An unreadable file must not be read as an empty one: no "needs 'name'" for keys that are there.
        using var folder = Broken("catalog.yaml", "name_en: Test catalogue", "name_en: \"Test catalogue");

        var diagnostics = folder.Load().Diagnostics;

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, diagnostic.Code);
    }

    [Fact]
    public void Lint_AnchorAndAlias_ReportsAnchorPosition()
    {
        using var folder = new CatalogFolder().With(Procedure, Edit(Procedure,
            "  - {law: 企业名称登记管理规定, article: 第四条}", "  - &law {law: 企业名称登记管理规定, article: 第四条}")
            .Replace("    basis: {law: 公司法, article: 第二十六条}", "    basis: *law", StringComparison.Ordinal));

        var diagnostic = folder.Single(DiagnosticCodes.AliasNotAllowed);

        AssertAt(folder, Procedure, 7, 5, diagnostic);
        Assert.Contains("&law", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_ListWhereMappingBelongs_ReportsWrongShapeAtList()
    {
        using var folder = Broken(Procedure,
            "time_limits:\n  statutory: {working_days: 10, basis: {law: 行政许可法, article: 第四十二条}}\n  promised: {working_days: 1}", "time_limits: [10, 1]");

        var diagnostic = folder.Single(DiagnosticCodes.WrongShape);

        AssertAt(folder, Procedure, 41, 14, diagnostic);
        Assert.Contains("time limits written as key: value lines, but found a list", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_BlockListWhereMappingBelongs_ReportsWrongShapeAtFirstDash()
    {
        using var folder = Broken(Procedure, "      description: 刷脸认证", "      - 刷脸认证");

        var diagnostic = folder.Single(DiagnosticCodes.WrongShape);

        AssertAt(folder, Procedure, 40, 7, diagnostic);
        Assert.Contains("remote alternative written as key: value lines, but found a list", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_ProcedureWithoutName_ReportsMissingKeyAtMapping()
    {
        using var folder = Broken(Procedure, "name: 企业名称登记\n", string.Empty);

        var diagnostic = folder.Single(DiagnosticCodes.MissingKey);

        AssertAt(folder, Procedure, 1, 1, diagnostic);
        Assert.Equal("This procedure needs 'name'.", diagnostic.Message);
    }

    [Fact]
    public void Lint_EligibilityRuleWithoutMessage_ReportsMissingKeyAtItsMapping()
    {
        using var folder = Broken(Procedure, "    message: 注册资本不足\n", string.Empty);

        var diagnostic = folder.Single(DiagnosticCodes.MissingKey);

        AssertAt(folder, Procedure, 9, 5, diagnostic);
        Assert.Equal("This eligibility rule needs 'message'.", diagnostic.Message);
    }

    [Fact]
    public void Lint_MisspeltOptionalKey_WarnsWithSuggestionAndStillLoads()
    {
        using var folder = Broken(Procedure, "    required_when: applicant.is_agent", "    requried_when: applicant.is_agent");

        var result = folder.Load();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownKey, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        AssertAt(folder, Procedure, 31, 5, diagnostic);
        Assert.Contains("'requried_when' is not a key of a material", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'required_when'?", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(result.Succeeded);
        Assert.Equal(1, result.WarningCount);
    }

    [Theory]
    [InlineData("catalog.yaml", "as_of: 2017-02-18", "as_of: 2017-02-30", 5, 8, "'2017-02-30' is not a valid as_of")]
    [InlineData("authorities.yaml", "    level: province", "    level: provence", 5, 12, "Did you mean 'province'?")]
    [InlineData(Procedure, "version: 1\n", "version: one\n", 4, 10, "'one' is not a valid version: write a whole number")]
    [InlineData(Procedure, "channels: [window, online]", "channels: [window, onlien]", 44, 20, "Did you mean 'online'?")]
    public void Lint_InvalidValue_ReportsPositionAndAdvice(string file, string original, string replacement, int line, int column, string message)
    {
        using var folder = Broken(file, original, replacement);

        var diagnostic = folder.Single(DiagnosticCodes.InvalidValue);

        AssertAt(folder, file, line, column, diagnostic);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_FactsFileMissing_ReportsMissingFile()
    {
        using var folder = new CatalogFolder().Without("facts.yaml");

        var diagnostic = folder.Single(DiagnosticCodes.MissingFile);

        AssertAt(folder, "facts.yaml", 1, 1, diagnostic);
        Assert.Contains("The catalogue has no facts.yaml", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_DuplicateKey_ReportsSecondKeyAndFirstLine()
    {
        using var folder = Broken("catalog.yaml", "default_language: zh-CN", "region: zhejiang\ndefault_language: zh-CN");

        var diagnostic = folder.Single(DiagnosticCodes.DuplicateKey);

        AssertAt(folder, "catalog.yaml", 4, 1, diagnostic);
        Assert.Contains("'region' appears twice in this mapping (first at line 3)", diagnostic.Message, StringComparison.Ordinal);
    }

    // ---- OV2xxx: ids and references ---------------------------------------------------------------------------

    [Fact]
    public void Lint_TwoMaterialsWithOneId_ReportsSecondWithFirstLocation()
    {
        using var folder = Broken(Procedure, "  - id: licence", "  - id: form");

        var diagnostic = folder.Single(DiagnosticCodes.DuplicateId);

        AssertAt(folder, Procedure, 23, 5, diagnostic);
        Assert.Contains("The material 'form' is declared twice", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains($"the first is at {folder.File(Procedure)}:20:5", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_TwoProcedureFilesWithOneCode_ReportsSecondWithFirstLocation()
    {
        using var folder = new CatalogFolder().With("procedures/p2.yaml", CatalogFolder.ProcedureYaml);

        // Only the code is reported: the second file's materials and steps are not duplicates of the first's.
        var diagnostic = Assert.Single(folder.Load().Diagnostics);

        Assert.Equal(DiagnosticCodes.DuplicateId, diagnostic.Code);
        AssertAt(folder, "procedures/p2.yaml", 1, 1, diagnostic);
        Assert.Contains($"the first is at {folder.File(Procedure)}:1:1", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("Give each its own code", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_AuthorityWithOneBadField_IsStillKnownToItsReferences()
    {
        using var folder = Broken("authorities.yaml", "    level: province", "    level: provence");

        var diagnostic = Assert.Single(folder.Load().Diagnostics);

        Assert.Equal(DiagnosticCodes.InvalidValue, diagnostic.Code);
        AssertAt(folder, "authorities.yaml", 5, 12, diagnostic);
    }

    [Theory]
    // A material's document, misspelt.
    [InlineData(Procedure, "    document: application_form", "    document: application_from", 21, 15,
        "There is no document 'application_from'. Did you mean 'application_form'?")]
    // A jurisdiction rule's authority, misspelt.
    [InlineData(Procedure, "      authority: zj_amr", "      authority: zj_anr", 16, 18,
        "There is no authority 'zj_anr'. Did you mean 'zj_amr'?")]
    // A window that accepts a procedure code nobody declares.
    [InlineData("authorities.yaml", "        accepts: [P-1]", "        accepts: [P-2]", 16, 19,
        "There is no procedure 'P-2'.")]
    // A document's issuer and evidence source.
    [InlineData("documents.yaml", "    issued_by: hz_amr", "    issued_by: hz_amx", 5, 16,
        "There is no authority 'hz_amx'. Did you mean 'hz_amr'?")]
    // A test case naming an unknown procedure.
    [InlineData(Tests, "    procedure: P-1", "    procedure: P-9", 3, 16,
        "There is no procedure 'P-9'.")]
    // A test case naming an unknown window.
    [InlineData(Tests, "    window: hz_window", "    window: hz_windwo", 4, 13,
        "There is no window 'hz_windwo'. Did you mean 'hz_window'?")]
    // An unknown material id under expect.materials.
    [InlineData(Tests, "        attorney: not_required", "        attorny: not_required", 18, 9,
        "There is no material 'attorny' in 'P-1'. Did you mean 'attorney'?")]
    // An unknown fact key in a test's facts.
    [InlineData(Tests, "      enterprise.name: 浙江测试有限公司", "      enterprise.nmae: 浙江测试有限公司", 6, 7,
        "'enterprise.nmae' is not declared in facts.yaml. Did you mean 'enterprise.name'?")]
    // An unknown open question.
    [InlineData(Tests, "open_questions: [applicant.is_agent]", "open_questions: [applicant.is_agnet]", 19, 24,
        "'applicant.is_agnet' is not declared in facts.yaml. Did you mean 'applicant.is_agent'?")]
    // An unknown form version of a held document.
    [InlineData(Tests, "        form_version: \"2008\"", "        form_version: \"2009\"", 10, 23,
        "There is no form version '2009' in 'application_form'. Did you mean '2008'?")]
    // An unknown form version accepted by a material.
    [InlineData(Procedure, "    form_versions: [\"2012\"]", "    form_versions: [\"2021\"]", 22, 21,
        "There is no form version '2021' in 'application_form'.")]
    public void Lint_DanglingReference_ReportsPositionAndSuggestion(string file, string original, string replacement, int line, int column, string message)
    {
        using var folder = Broken(file, original, replacement);

        var diagnostic = folder.Single(DiagnosticCodes.UnknownReference);

        AssertAt(folder, file, line, column, diagnostic);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_AuthorityParentCycle_ReportsEachMemberOfTheLoop()
    {
        using var folder = Broken("authorities.yaml", "    region: zhejiang\n  - id: hz_amr", "    region: zhejiang\n    parent: hz_amr\n  - id: hz_amr");

        var cycles = folder.Load().Diagnostics.Where(d => d.Code == DiagnosticCodes.AuthorityCycle).ToList();

        Assert.Equal(2, cycles.Count);
        AssertAt(folder, "authorities.yaml", 2, 5, cycles[0]);
        Assert.Contains("zj_amr → hz_amr → zj_amr", cycles[0].Message, StringComparison.Ordinal);
        AssertAt(folder, "authorities.yaml", 8, 5, cycles[1]);
        Assert.Contains("hz_amr → zj_amr → hz_amr", cycles[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_JurisdictionWithoutDefault_ReportsAtJurisdictionMapping()
    {
        using var folder = Broken(Procedure, "  default: hz_amr\n", string.Empty);

        var diagnostic = folder.Single(DiagnosticCodes.MissingJurisdictionDefault);

        AssertAt(folder, Procedure, 14, 3, diagnostic);
        Assert.Contains("This jurisdiction has no 'default'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_IdWithSpaceAndCapitals_ReportsInvalidIdentifierWithSnakeCaseSuggestion()
    {
        using var folder = Broken(Procedure, "  - id: licence", "  - id: Business Licence");

        var diagnostic = folder.Single(DiagnosticCodes.InvalidIdentifier);

        AssertAt(folder, Procedure, 23, 9, diagnostic);
        Assert.Contains("'Business Licence' is not a valid id", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("(e.g. business_licence)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_EntityNamedByKeyword_ReportsInvalidIdentifier()
    {
        using var folder = Broken("facts.yaml", "  enterprise:", "  not:");

        var diagnostic = folder.Single(DiagnosticCodes.InvalidIdentifier);

        AssertAt(folder, "facts.yaml", 18, 3, diagnostic);
        Assert.Contains("'not' is a word of the condition language", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_DataSharingWithoutEvidenceSource_ReportsExemptionNotPossible()
    {
        using var folder = Broken(Procedure, "      - kind: accept_with_gap", "      - kind: data_sharing\n      - kind: accept_with_gap");

        var diagnostic = folder.Single(DiagnosticCodes.ExemptionNotPossible);

        AssertAt(folder, Procedure, 33, 9, diagnostic);
        Assert.Contains("Material 'attorney' allows data_sharing, but document 'power_of_attorney' has no 'evidence' source", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_ELicenceExemptionWithoutELicence_ReportsExemptionNotPossible()
    {
        using var folder = Broken("documents.yaml", "    e_licence: true\n", string.Empty);

        var diagnostic = folder.Single(DiagnosticCodes.ExemptionNotPossible);

        AssertAt(folder, Procedure, 27, 9, diagnostic);
        Assert.Contains("Material 'licence' allows e_licence, but document 'business_licence' has no e-licence", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_FormVersionsForDocumentWithoutThem_ReportsAtMaterial()
    {
        using var folder = Broken(Procedure, "    document: power_of_attorney\n", "    document: power_of_attorney\n    form_versions: [\"2012\"]\n");

        var diagnostic = folder.Single(DiagnosticCodes.FormVersionsNotApplicable);

        AssertAt(folder, Procedure, 29, 5, diagnostic);
        Assert.Contains("Material 'attorney' names form versions, but document 'power_of_attorney' has no 'form_versions'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_FormVersionsOverlap_ReportsAtLaterVersion()
    {
        using var folder = Broken("documents.yaml", "        effective_from: 2008-10-01\n", "        effective_from: 2008-10-01\n        effective_until: 2012-12-31\n");

        var diagnostic = folder.Single(DiagnosticCodes.FormVersionOverlap);

        AssertAt(folder, "documents.yaml", 18, 9, diagnostic);
        Assert.Contains("'2008' (current until 2012-12-31) and '2012' (current from 2012-10-01) of 'application_form' are both current on 2012-10-01", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_FormVersionsLeaveGap_ReportsAtLaterVersionWithTheMissingDays()
    {
        using var folder = Broken("documents.yaml", "        accepted_until: 2013-03-31", "        effective_until: 2012-06-30");

        var diagnostic = folder.Single(DiagnosticCodes.FormVersionGap);

        AssertAt(folder, "documents.yaml", 17, 9, diagnostic);
        Assert.Contains("No version of 'application_form' is accepted from 2012-07-01 to 2012-09-30", diagnostic.Message, StringComparison.Ordinal);
    }

    // ---- OV3xxx: conditions -------------------------------------------------------------------------------------

    [Theory]
    // Plain scalar: the value starts at column 20 of line 31; the expression ends too early at offset 24.
    [InlineData("    required_when: enterprise.name contains", 31, 44, "ends too early")]
    // Double-quoted: the opening quote shifts every offset by one.
    [InlineData("    required_when: \"enterprise.name contains\"", 31, 45, "ends too early")]
    // Double-quoted with escapes: each \" is two characters in the file but one in the value.
    [InlineData("    required_when: \"enterprise.name = \\\"a\\\" and and true\"", 31, 49, "found 'and'")]
    // Folded block scalar over two lines: the second 'and' starts line 33.
    [InlineData("    required_when: >-\n      applicant.is_agent and\n      and true", 33, 7, "found 'and'")]
    // Folded block scalar: the missing operand is at the end of the second line.
    [InlineData("    required_when: >-\n      enterprise.name\n      contains", 33, 15, "ends too early")]
    public void Lint_ExpressionSyntaxError_ReportsColumnInsideYamlLine(string replacement, int line, int column, string message)
    {
        using var folder = Broken(Procedure, "    required_when: applicant.is_agent", replacement);

        var diagnostic = folder.Single(DiagnosticCodes.ExpressionSyntax);

        AssertAt(folder, Procedure, line, column, diagnostic);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    // \u6D59\u6C5F is 浙江 as an ASCII-only YAML writer escapes it: 6 characters in the file for 1 in the value, each.
    [InlineData("    required_when: \"enterprise.name contains \\\"\\u6D59\\u6C5F\\\" and and true\"", 31, 67)]
    // \t is a TAB in the value, two characters in the file.
    [InlineData("    required_when: \"enterprise.name = \\\"\\t\\\" and and true\"", 31, 50)]
    // A backslash at the end of a line joins the next line without a break: the second 'and' is on line 32.
    [InlineData("    required_when: \"applicant.is_agent and \\\n      and true\"", 32, 7)]
    public void Lint_ExpressionErrorAfterYamlEscape_ReportsColumnOfToken(string replacement, int line, int column)
    {
        using var folder = Broken(Procedure, "    required_when: applicant.is_agent", replacement);

        var diagnostic = folder.Single(DiagnosticCodes.ExpressionSyntax);

        AssertAt(folder, Procedure, line, column, diagnostic);
        Assert.Contains("found 'and'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    required_when: applicant.is_agent", "    required_when: applicant.is_agent and enterprise.nmae contains \"浙江\"", 31, 43,
        "Did you mean 'enterprise.name'?")]
    // After Chinese text in quotes: columns count characters, not bytes.
    [InlineData("\"浙江\" and enterprise.registered_capital >= 1000万", "\"浙江\" and enterprise.registred_capital >= 1000万", 15, 47,
        "Did you mean 'enterprise.registered_capital'?")]
    public void Lint_MisspeltFact_ReportsPositionAndSuggestion(string original, string replacement, int line, int column, string message)
    {
        using var folder = Broken(Procedure, original, replacement);

        var diagnostic = folder.Single(DiagnosticCodes.UnknownFact);

        AssertAt(folder, Procedure, line, column, diagnostic);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("enterprise.name > 5", 31, 20, "compares values of one kind")]
    [InlineData("5", 31, 20, "A condition must be true or false")]
    [InlineData("applicant.is_agent and 5", 31, 43, "Each side of 'and' must be true or false")]
    public void Lint_TypeError_ReportsPositionAndAdvice(string condition, int line, int column, string message)
    {
        using var folder = Broken(Procedure, "    required_when: applicant.is_agent", "    required_when: " + condition);

        var diagnostic = folder.Single(DiagnosticCodes.TypeMismatch);

        AssertAt(folder, Procedure, line, column, diagnostic);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_MisspeltEnumValue_ReportsPositionAndSuggestion()
    {
        using var folder = Broken(Procedure, "    required_when: applicant.is_agent", "    required_when: applicant.marital_status = \"maried\"");

        var diagnostic = folder.Single(DiagnosticCodes.UnknownEnumValue);

        AssertAt(folder, Procedure, 31, 47, diagnostic);
        Assert.Contains("Did you mean 'married'?", diagnostic.Message, StringComparison.Ordinal);
    }

    // ---- OV4xxx: policy tests ----------------------------------------------------------------------------------

    [Fact]
    public void Lint_TestFactOfWrongType_ReportsAtValue()
    {
        using var folder = Broken(Tests, "      enterprise.registered_capital: 20000000", "      enterprise.registered_capital: lots");

        var diagnostic = folder.Single(DiagnosticCodes.TestValueWrongType);

        AssertAt(folder, Tests, 7, 38, diagnostic);
        Assert.Contains("'lots' is not a value enterprise.registered_capital", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("an amount in yuan", diagnostic.Message, StringComparison.Ordinal);
    }

    // ---- the whole run ------------------------------------------------------------------------------------------

    [Fact]
    public void Lint_ErrorsInSeveralFiles_ReportsEveryOneInOneLoad()
    {
        using var folder = new CatalogFolder()
            .With("catalog.yaml", Edit("catalog.yaml", "as_of: 2017-02-18", "as_of: 2017-02-30"))
            .With("authorities.yaml", Edit("authorities.yaml", "        accepts: [P-1]", "        accepts: [P-2]"))
            .With(Procedure, Edit(Procedure, "    required_when: applicant.is_agent", "    required_when: enterprise.nmae contains \"x\""))
            .With(Tests, Edit(Tests, "      enterprise.registered_capital: 20000000", "      enterprise.registered_capital: lots"));

        var result = folder.Load();

        Assert.False(result.Succeeded);
        Assert.Equal(4, result.ErrorCount);
        Assert.Equal(0, result.WarningCount);
        Assert.Equal(
            [
                ("authorities.yaml", DiagnosticCodes.UnknownReference, 16),
                ("catalog.yaml", DiagnosticCodes.InvalidValue, 5),
                (Procedure, DiagnosticCodes.UnknownFact, 31),
                (Tests, DiagnosticCodes.TestValueWrongType, 7),
            ],
            result.Diagnostics.Select(d => (Path.GetRelativePath(folder.Path, d.Location.File), d.Code, d.Location.Line)));
    }

    [Fact]
    public void Lint_Diagnostics_ComeSortedByFileLineAndColumn()
    {
        // The dangling authority (line 16) is only found after every file is read, so it is reported after the
        // type error (line 31) and the unknown key (line 25); the result must still be in file order.
        using var folder = new CatalogFolder()
            .With("catalog.yaml", Edit("catalog.yaml", "as_of: 2017-02-18", "as_of: 2017-02-30"))
            .With(Procedure, Edit(Procedure, "      authority: zj_amr", "      authority: zj_anr")
                .Replace("    form: copy", "    from: copy", StringComparison.Ordinal)
                .Replace("    required_when: applicant.is_agent", "    required_when: applicant.is_agent and 5", StringComparison.Ordinal));

        var diagnostics = folder.Load().Diagnostics;

        Assert.Equal(
            [
                (folder.File("catalog.yaml"), 5, 8, DiagnosticCodes.InvalidValue),
                (folder.File(Procedure), 16, 18, DiagnosticCodes.UnknownReference),
                (folder.File(Procedure), 25, 5, DiagnosticCodes.UnknownKey),
                (folder.File(Procedure), 31, 43, DiagnosticCodes.TypeMismatch),
            ],
            diagnostics.Select(d => (d.Location.File, d.Location.Line, d.Location.Column, d.Code)));
    }
}
