using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneVisit.Web.Tests.Support;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Cases;

namespace OneVisit.Web.Tests;

/// <summary>
/// The signed-in pages in a real browser at phone width: a citizen applies from the check's result; an officer of
/// the competent authority finds errand 4 in the inbox and decides; the citizen sees the outcome and who looked at
/// their data; an officer of another authority gets nothing.
/// </summary>
public sealed class CasePageTests : IClassFixture<Browser>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly Browser _browser;

    public CasePageTests(Browser browser) => _browser = browser;

    [Fact]
    public async Task Citizen_AppliesFromTheResult_AndFollowsTheCase()
    {
        var page = await _browser.PhoneAsync(CaseActor.Applicant("330106-page-0001"));
        await page.GotoAsync("/onevisit/check/330100-SC-0004?lang=en");
        while (await page.Locator("input[name=question]").CountAsync() > 0)
        {
            var path = await page.Locator("input[name=question]").GetAttributeAsync("value");
            await CheckPageTests.AnswerAsync(page, CheckPageTests.Errand4[path!]);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, "case-citizen-applied.png"), FullPage = true });
        Assert.True(new Uri(page.Url).AbsolutePath.StartsWith("/onevisit/cases/", StringComparison.Ordinal), await page.Locator("main").InnerTextAsync());
        Assert.Equal("Your case", await page.Locator("h1").InnerTextAsync());
        // Only the situation was given, not the documents held: once the case has run, the office waits for the ID card.
        var caseId = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        await _browser.Host.Services.GetRequiredService<ICaseService>().As(CaseActor.System)
            .WaitUntilAsync(caseId, s => s.Stage == CaseStage.AwaitingSupplement, Patience);
        await page.ReloadAsync();
        Assert.Contains("Waiting for documents from you", await page.Locator("dl.case").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errand4_DecidedByTheCompetentOfficer_SeenByTheCitizen_HiddenFromAnotherAuthority()
    {
        var citizen = CaseActor.Applicant("330106-page-0002");
        using var api = new HttpClient { BaseAddress = new Uri(_browser.Address) };
        api.DefaultRequestHeaders.Add(SampleHost.ActorHeader, SampleHost.HeaderFor(citizen));
        var submission = ApiTests.Submission(Bodies.Errand4, "errand-4-pages");
        var created = await api.SendAsync(submission);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var caseId = created.Headers.Location!.ToString().Split('/')[^1];
        var cases = _browser.Host.Services.GetRequiredService<ICaseService>().As(CaseActor.System);
        await cases.WaitUntilAsync(caseId, s => s.Stage == CaseStage.UnderReview, Patience);

        var officer = await _browser.PhoneAsync(SampleHost.HousingFundOfficer);
        await officer.GotoAsync("/onevisit/officer?lang=en");
        await Shot(officer, "officer-inbox");
        await officer.Locator($"a:has-text('{caseId}')").ClickAsync();
        await Shot(officer, "officer-case");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await cases.WaitUntilAsync(caseId, s => s.Decision is not null, Patience);

        var stranger = await _browser.PhoneAsync(SampleHost.AmrOfficer);
        await stranger.GotoAsync("/onevisit/officer?lang=en");
        Assert.Equal(0, await stranger.Locator($"a:has-text('{caseId}')").CountAsync());
        var hidden = await stranger.GotoAsync($"/onevisit/officer/cases/{caseId}?lang=en");
        Assert.Equal(404, hidden!.Status);

        var mine = await _browser.PhoneAsync(citizen);
        await mine.GotoAsync($"/onevisit/cases/{caseId}?lang=en");
        await Shot(mine, "citizen-case-decided");
        Assert.Contains("Approved", await mine.Locator("dl.case").InnerTextAsync(), StringComparison.Ordinal);
        await mine.GetByRole(AriaRole.Link, new() { Name = "Who looked at my data" }).ClickAsync();
        Assert.Contains("officer-hf", await mine.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BirthBundle_TaskList_ShowsWhatCannotStartYetAndWhy()
    {
        var citizen = CaseActor.Applicant("330106-page-0003");
        using var api = new HttpClient { BaseAddress = new Uri(_browser.Address) };
        api.DefaultRequestHeaders.Add(SampleHost.ActorHeader, SampleHost.HeaderFor(citizen));
        var birth = File.ReadAllText(Path.Combine(RepositoryRoot.SampleCatalogue, "applications", "05-birth-bundle.yaml"));
        var created = await api.SendAsync(ApiTests.Submission(birth, "birth-pages"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bundleCaseId = created.Headers.Location!.ToString().Split('/')[^1];
        // The birth certificate is under review; household registration needs it, so it cannot start yet.
        await _browser.Host.Services.GetRequiredService<OneVisit.Workflows.Bundles.IBundleCaseService>().As(CaseActor.System).WaitUntilAsync(
            bundleCaseId, b => b.Members.Any(m => m.ProcedureCode == "330100-SC-0005" && m.CaseStage == CaseStage.UnderReview), Patience);

        var page = await _browser.PhoneAsync(citizen);
        await page.GotoAsync($"/onevisit/bundle-cases/{bundleCaseId}?lang=en");
        await Shot(page, "citizen-bundle-tasks");

        var waiting = page.Locator("ul.tasks li.task-cannot_start_yet").First;
        var text = await waiting.InnerTextAsync();
        Assert.Contains("Cannot start yet", text, StringComparison.Ordinal);
        Assert.Contains("Waits for", text, StringComparison.Ordinal);
        Assert.Contains("出生医学证明", text, StringComparison.Ordinal);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The task list scrolls sideways by {overflow}px at phone width.");
    }

    [Fact]
    public async Task BirthBundle_AppliedFromTheCheck_IsOneLifeEventCase()
    {
        // The birth bundle's situation, as the family answers it (catalog/hangzhou/applications/05-birth-bundle.yaml).
        var answers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["child.birth_date"] = "2019-07-12",
            ["child.born_in_licensed_institution"] = "true",
            ["child.born_in_joint_service_hospital"] = "true",
            ["child.father_recorded"] = "true",
            ["child.hukou_follows"] = "father",
            ["child.has_local_hukou"] = "true",
            ["applicant.insured_in_hangzhou"] = "true",
        };
        var page = await _browser.PhoneAsync(CaseActor.Applicant("330106-page-0004"));
        await page.GotoAsync("/onevisit/check/330100-YJS-0001?lang=en");
        for (var step = 0; step < 20 && await page.Locator("input[name=question]").CountAsync() > 0; step++)
        {
            var path = await page.Locator("input[name=question]").GetAttributeAsync("value");
            Assert.True(answers.TryGetValue(path!, out var answer), $"The check asked about {path}, which the family's application does not answer.");
            await CheckPageTests.AnswerAsync(page, answer!);
        }

        await Shot(page, "citizen-bundle-result");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        Assert.True(new Uri(page.Url).AbsolutePath.StartsWith("/onevisit/bundle-cases/", StringComparison.Ordinal), await page.Locator("main").InnerTextAsync());
        Assert.Equal("Your life event", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(4, await page.Locator("ul.tasks li").CountAsync());
    }

    [Fact]
    public async Task SignedInPages_WithoutSignIn_SendToTheHostsSignIn()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(_browser.Address) };
        var response = await anonymous.GetAsync("/onevisit/officer");

        // The pages challenge through the host's sign-in: the test host's answers 401, a real one redirects to its page.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, name + ".png"), FullPage = true });
}
