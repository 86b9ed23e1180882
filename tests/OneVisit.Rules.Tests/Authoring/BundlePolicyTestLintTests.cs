using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;
using static OneVisit.Rules.Tests.Authoring.BundleFolder;

namespace OneVisit.Rules.Tests.Authoring;

/// <summary>
/// A policy test of a bundle as policy staff write it: a valid case reaches the model whole, and each mistake is
/// reported where it is written, with the nearest member, document or key.
/// </summary>
public sealed class BundlePolicyTestLintTests
{
    private const string TestFile = "tests/b1.yaml";

    private const string CaseYaml = """
        cases:
          - name: 代理人开餐馆
            bundle: B-1
            as_of: 2020-01-10
            window: hz_general
            left_out: [Q-2]
            facts:
              applicant.is_agent: true
            documents:
              - document: power_of_attorney
                party: mother
            expect:
              verdict: online
              visits: 0
              naive_visits: 0
              members: {Q-1: included, Q-2: left_out}
              materials: {business_licence: passed_on, power_of_attorney@mother: held}
              open_questions: []
        """;

    [Fact]
    public void Load_BundleCase_RoundTripsIntoTheModel()
    {
        using var folder = Folder();

        var result = folder.Load();

        Assert.Empty(result.Diagnostics);
        var test = Assert.Single(result.Tests, t => t.BundleCode is not null);
        Assert.Equal(("B-1", null, "bundle B-1"), (test.BundleCode, test.ProcedureCode, test.Subject));
        Assert.Equal(["Q-2"], test.LeftOut);
        Assert.Equal(new DateOnly(2020, 1, 10), test.AsOf);
        Assert.Equal("mother", Assert.Single(test.Documents).Party);
        Assert.Equal((Verdict.Online, 0, 0), (test.Expect.Verdict, test.Expect.Visits, test.Expect.NaiveVisits));
        Assert.Equal(MemberInclusion.LeftOut, test.Expect.Members["Q-2"]);
        Assert.Equal(MaterialStatus.PassedOn, test.Expect.Materials["business_licence"]);
        Assert.Equal(MaterialStatus.Held, test.Expect.Materials["power_of_attorney@mother"]);
        Assert.NotNull(test.Expect.OpenQuestions);
        Assert.Empty(test.Expect.OpenQuestions);
    }

    [Fact]
    public void Load_CaseWithoutOpenQuestions_LeavesThemUnchecked()
    {
        using var folder = Folder("\n      open_questions: []", string.Empty);

        var test = Assert.Single(folder.Load().Tests, t => t.BundleCode is not null);

        Assert.Null(test.Expect.OpenQuestions);
    }

    [Fact]
    public void Lint_UnknownBundle_SuggestsTheNearest()
    {
        using var folder = Folder("bundle: B-1", "bundle: B-9");

        var diagnostic = folder.Single(DiagnosticCodes.UnknownReference);

        Assert.Equal(At(folder, TestFile, "B-9"), diagnostic.Location);
        Assert.Equal("There is no bundle 'B-9'. Did you mean 'B-1'?", diagnostic.Message);
    }

    [Fact]
    public void Lint_MemberNotInTheBundle_SuggestsAMember()
    {
        using var folder = Folder("Q-1: included", "P-1: included");

        var diagnostic = folder.Single(DiagnosticCodes.UnknownReference);

        Assert.Equal(At(folder, TestFile, "P-1: included"), diagnostic.Location);
        Assert.StartsWith("P-1 is not a member of bundle B-1. Did you mean 'Q-", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_BadMemberStatus_ListsTheWordsAndSuggestsOne()
    {
        using var folder = Folder("Q-1: included", "Q-1: include");

        var diagnostic = folder.Single(DiagnosticCodes.InvalidValue);

        Assert.Equal(At(folder, TestFile, "include,"), diagnostic.Location);
        Assert.Equal(
            "'include' is not a valid member status; write one of: excluded, included, left_out, refused, stopped, undecided. Did you mean 'included'?",
            diagnostic.Message);
    }

    [Fact]
    public void Lint_MaterialOfAPartyWithoutTheParty_SuggestsThePartysOwn()
    {
        using var folder = Folder("power_of_attorney@mother: held", "power_of_attorney: held");

        var diagnostic = folder.Single(DiagnosticCodes.UnknownReference);

        Assert.Equal(At(folder, TestFile, "power_of_attorney: held"), diagnostic.Location);
        Assert.StartsWith("No member of the bundle asks for 'power_of_attorney'. Did you mean 'power_of_attorney@mother'?", diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith("The members ask for: application_form, business_licence, power_of_attorney@mother.", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_UnknownDocumentInMaterials_SuggestsTheNearest()
    {
        using var folder = Folder("business_licence: passed_on", "busines_licence: passed_on");

        var diagnostic = folder.Single(DiagnosticCodes.UnknownReference);

        Assert.Equal(At(folder, TestFile, "busines_licence"), diagnostic.Location);
        Assert.Equal("There is no document 'busines_licence'. Did you mean 'business_licence'?", diagnostic.Message);
    }

    [Fact]
    public void Lint_UnknownPartyInMaterials_SuggestsTheNearest()
    {
        using var folder = Folder("power_of_attorney@mother", "power_of_attorney@mothr");

        var diagnostic = folder.Single(DiagnosticCodes.UnknownReference);

        Assert.Equal(At(folder, TestFile, "power_of_attorney@mothr"), diagnostic.Location);
        Assert.Equal("There is no party 'mothr'. Did you mean 'mother'?", diagnostic.Message);
    }

    [Fact]
    public void Lint_MaterialWithTwoParties_SaysHowToWriteIt()
    {
        using var folder = Folder("power_of_attorney@mother", "power_of_attorney@mother@father");

        var diagnostic = folder.Single(DiagnosticCodes.InvalidValue);

        Assert.Equal(At(folder, TestFile, "power_of_attorney@mother@father"), diagnostic.Location);
        Assert.Contains("document@party for a party's own (resident_id_card@mother)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_BadMaterialStatus_SuggestsPassedOn()
    {
        using var folder = Folder("business_licence: passed_on", "business_licence: passed");

        var diagnostic = folder.Single(DiagnosticCodes.InvalidValue);

        Assert.Equal(At(folder, TestFile, "passed,"), diagnostic.Location);
        Assert.EndsWith("Did you mean 'passed_on'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_AuthorityInABundleCase_PointsAtTheKeyAndSaysWhy()
    {
        using var folder = Folder("      visits: 0\n", "      visits: 0\n      authority: hz_amr\n");

        var diagnostic = folder.Single(DiagnosticCodes.InvalidValue);

        Assert.Equal(At(folder, TestFile, "authority: hz_amr"), diagnostic.Location);
        Assert.Equal("A bundle case cannot expect 'authority': each member has its own competent authority; test it in a case of that procedure.", diagnostic.Message);
    }

    [Fact]
    public void Lint_NaiveVisitsInAProcedureCase_SaysItIsForBundles()
    {
        using var folder = With().With("tests/p1.yaml", CatalogFolder.TestsYaml.Replace("      verdict: online\n", "      verdict: online\n      naive_visits: 1\n", StringComparison.Ordinal));

        var diagnostic = folder.Single(DiagnosticCodes.InvalidValue);

        Assert.Equal(At(folder, "tests/p1.yaml", "naive_visits"), diagnostic.Location);
        Assert.Equal("'naive_visits' is for a bundle case; this case tests a procedure. Remove it, or test the 'bundle'.", diagnostic.Message);
    }

    [Fact]
    public void Lint_MisspeltExpectationKey_WarnsWithTheNearestKey()
    {
        using var folder = Folder("naive_visits: 0", "naive_visit: 0");

        var diagnostic = folder.Single(DiagnosticCodes.UnknownKey);

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(At(folder, TestFile, "naive_visit:"), diagnostic.Location);
        Assert.EndsWith("Did you mean 'naive_visits'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_ProcedureAndBundleInOneCase_AsksToRemoveOne()
    {
        using var folder = Folder("    bundle: B-1\n", "    bundle: B-1\n    procedure: Q-1\n");

        var diagnostic = folder.Single(DiagnosticCodes.InvalidValue);

        Assert.Equal(At(folder, TestFile, "Q-1\n"), diagnostic.Location);
        Assert.Equal("A test case names either a 'procedure' or a 'bundle', not both; remove one.", diagnostic.Message);
    }

    [Fact]
    public void Lint_LeftOutMemberThatIsNotOptional_NamesTheOptionalOnes()
    {
        using var folder = Folder("left_out: [Q-2]", "left_out: [Q-1]");

        var diagnostic = folder.Single(DiagnosticCodes.InvalidValue);

        Assert.Equal(At(folder, TestFile, "Q-1]"), diagnostic.Location);
        Assert.Equal("Q-1 is not an optional member of bundle B-1, so it cannot be left out. Its optional members: Q-2.", diagnostic.Message);
    }

    [Fact]
    public void Lint_UnknownFactInOpenQuestions_IsPositioned()
    {
        using var folder = Folder("open_questions: []", "open_questions: [applicant.is_agnt]");

        var diagnostic = folder.Single(DiagnosticCodes.UnknownReference);

        Assert.Equal(At(folder, TestFile, "applicant.is_agnt"), diagnostic.Location);
    }

    private static CatalogFolder Folder(string original = "", string replacement = "")
    {
        var text = CaseYaml;
        if (original.Length > 0)
        {
            Assert.True(text.Split(original).Length == 2, $"'{original}' is not in the case exactly once.");
            text = text.Replace(original, replacement, StringComparison.Ordinal);
        }

        return With().With(TestFile, text);
    }
}
