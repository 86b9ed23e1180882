using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Hosting;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Hosting;

namespace OneVisit.Cli.Tests.Audit;

/// <summary>
/// <c>onevisit audit who-looked</c> on a store where errand 4 (housing fund withdrawal) ran until review: the fund
/// centre asked the property register for the no-housing certificate, then a reviewer read the case for a complaint.
/// </summary>
public sealed class WhoLookedCommandTests(WhoLookedCommandTests.ReviewedStore store) : IClassFixture<WhoLookedCommandTests.ReviewedStore>
{
    private const string Subject = "330106199001010022";

    [Fact]
    public void WhoLooked_ReviewerReadTheCaseForAComplaint_ListedWithWhoCaseAndWhyInEnglish()
    {
        var (exit, output, error) = Cli.Run("audit", "who-looked", Subject, "--db", store.Database, "--lang", "en");

        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Empty(error);
        Assert.Matches($@"^Who looked at the data of {Subject}, in {System.Text.RegularExpressions.Regex.Escape(store.Database)}:\n", output);
        Assert.Matches($@"(?m)^\s+when\s+who\s+case\s+what\s+why$", output);
        Assert.Matches($@"(?m)^\s+\w{{3}} \d{{4}}-\d{{2}}-\d{{2}} \d{{2}}:\d{{2}}\s+officer reviewer-7\s+{store.CaseId}\s+the case: .*\s+complaint 17$", output);
    }

    [Fact]
    public void WhoLooked_ReviewerReadTheCaseForAComplaint_ListedInJson()
    {
        var (exit, output, error) = Cli.Run("audit", "who-looked", Subject, "--db", store.Database, "--json");

        Assert.True(exit == ExitCodes.Ok, output + error);
        using var json = JsonConvention.Parse(output);
        Assert.Equal(Subject, json.RootElement.GetProperty("subjectId").GetString());
        var read = Assert.Single(json.RootElement.GetProperty("accesses").EnumerateArray(), a => a.GetProperty("who").GetString() == "officer:reviewer-7");
        Assert.Equal(store.CaseId, read.GetProperty("caseId").GetString());
        Assert.Equal("complaint 17", read.GetProperty("why").GetString());
        Assert.StartsWith("the case", read.GetProperty("what").GetString(), StringComparison.Ordinal);
        // Instants in the offices' zone (the sample catalogue's is Asia/Shanghai).
        Assert.EndsWith("+08:00", read.GetProperty("at").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WhoLooked_EvidenceRequest_ListsTheDepartmentAskedByNameAndInJsonById()
    {
        var (exit, output, error) = Cli.Run("audit", "who-looked", Subject, "--db", store.Database, "--lang", "en");
        var (_, json, _) = Cli.Run("audit", "who-looked", Subject, "--db", store.Database, "--json");

        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Matches($@"(?m)^\s+\w{{3}} [-\d]+ [:\d]+\s+Hangzhou Real Estate Registration Service Centre\s+{store.CaseId}\s+no_housing_certificate about {Subject} from hz_real_estate_registry\s+\S", output);
        using var document = JsonConvention.Parse(json);
        var request = Assert.Single(document.RootElement.GetProperty("accesses").EnumerateArray(), a => a.GetProperty("who").GetString() == "department:hz_real_estate_registry");
        Assert.Equal(store.CaseId, request.GetProperty("caseId").GetString());
        Assert.Equal(JsonValueKind.String, request.GetProperty("why").ValueKind);
    }

    [Fact]
    public void WhoLooked_InChinese_NamesTheReviewerAndTheDepartmentInChinese()
    {
        var (exit, output, error) = Cli.Run("audit", "who-looked", Subject, "--db", store.Database);

        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.StartsWith($"谁查看了 {Subject} 的数据", output, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^\s+\d{{4}}-\d{{2}}-\d{{2}} 周. \d{{2}}:\d{{2}}\s+工作人员 reviewer-7\s+{store.CaseId}\s.*complaint 17$", output);
        Assert.Contains("杭州市不动产登记服务中心", output, StringComparison.Ordinal);
        // What was read and why are data, written by the runtime and the reader, not labels.
        var (_, json, _) = Cli.Run("audit", "who-looked", Subject, "--db", store.Database, "--json");
        using var document = JsonConvention.Parse(json);
        var data = document.RootElement.GetProperty("accesses").EnumerateArray().SelectMany(a => new[] { a.GetProperty("what").GetString(), a.GetProperty("why").GetString() }).OfType<string>();
        Assert.Empty(LabelScan.EnglishIn(LabelScan.Without(output, data), LabelScan.Wordings(OneVisit.Cli.Audit.WhoLookedLabels.English)));
    }

    [Theory]
    [InlineData("en", "No one other than someone-else looked at their data")]
    [InlineData("zh", "除 someone-else 本人外，无人查看过其数据")]
    public void WhoLooked_SubjectNoOneLookedAt_SaysSoExitZero(string language, string message)
    {
        var (exit, output, error) = Cli.Run("audit", "who-looked", "someone-else", "--db", store.Database, "--lang", language);
        var (_, json, _) = Cli.Run("audit", "who-looked", "someone-else", "--db", store.Database, "--json");

        Assert.True(exit == ExitCodes.Ok, output + error);
        Assert.Contains(message, output, StringComparison.Ordinal);
        using var document = JsonConvention.Parse(json);
        Assert.Equal(0, document.RootElement.GetProperty("accesses").GetArrayLength());
    }

    [Theory]
    [InlineData("line\nbreak", "control")]
    [InlineData("", "cannot be empty")]
    public void WhoLooked_BadSubjectId_UsageErrorWithTheLibrarysMessage(string subject, string problem)
    {
        var (exit, output, error) = Cli.Run("audit", "who-looked", subject, "--db", store.Database);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.StartsWith("onevisit audit who-looked: subjectId", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Fact]
    public void WhoLooked_SubjectIdTooLong_UsageError()
    {
        var (exit, _, error) = Cli.Run("audit", "who-looked", new string('x', 200), "--db", store.Database);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("has 200 characters; at most 128 are allowed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WhoLooked_MissingStore_UsageErrorAsAuditVerify()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"onevisit-no-store-{Guid.NewGuid():N}.db");

        var (exit, output, error) = Cli.Run("audit", "who-looked", Subject, "--db", missing);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains($"onevisit audit who-looked: there is no case store at {missing}", error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void WhoLooked_Run_WritesNothingToTheStore()
    {
        var before = File.ReadAllBytes(store.Database);

        Cli.Run("audit", "who-looked", Subject, "--db", store.Database);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Equal(before, File.ReadAllBytes(store.Database));
        var (_, json, _) = Cli.Run("audit", "who-looked", Subject, "--db", store.Database, "--json");
        using var document = JsonConvention.Parse(json);
        Assert.DoesNotContain(document.RootElement.GetProperty("accesses").EnumerateArray(), a => a.GetProperty("who").GetString() == "system");
    }

    /// <summary>Errand 4 submitted by the subject, its evidence fetched, then read by a reviewer of the fund centre for a complaint.</summary>
    public sealed class ReviewedStore : IAsyncLifetime
    {
        private readonly TempFolder _folder = new();

        public string Database => Path.Combine(_folder.Path, "cases.db");

        public string CaseId { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var catalogue = RepositoryRoot.SampleCatalogue;
            var services = new ServiceCollection();
            services.AddOneVisit().AddCatalog(catalogue).AddWorkflows(w => w.UseSqlite($"Data Source={Database}").UseSimulatedDepartments());
            await using var provider = services.BuildServiceProvider();
            var runtime = provider.GetRequiredService<CaseRuntime>();
            await runtime.StartAsync();
            try
            {
                var catalog = provider.GetRequiredService<ProcedureCatalog>();
                var application = ApplicationFile.Load(Path.Combine(catalogue, "applications", "04-housing-fund-rent-withdrawal.yaml"), catalog).Request!;
                var cases = provider.GetRequiredService<ICaseService>();
                var submitted = await cases.As(CaseActor.Applicant(Subject)).SubmitAsync(new CaseSubmission { IdempotencyKey = "who-looked", Application = application });
                CaseId = submitted.CaseId;
                await cases.As(CaseActor.System).WaitUntilAsync(CaseId, s => s.Stage == CaseStage.UnderReview, TimeSpan.FromSeconds(30));
                var reviewer = CaseActor.Officer("reviewer-7", new OfficerPost("hz_housing_fund", OfficerRole.Reviewer)).For("complaint 17");
                await cases.As(reviewer).GetAsync(CaseId);
            }
            finally
            {
                await runtime.StopAsync();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
        }

        public Task DisposeAsync()
        {
            _folder.Dispose();
            return Task.CompletedTask;
        }
    }
}
