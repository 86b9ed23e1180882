using Microsoft.Playwright;
using OneVisit.Web.Tests.Support;

namespace OneVisit.Web.Tests;

/// <summary>
/// "Check before you start" in a real browser at phone width: a citizen answers one question per page, never the same
/// one twice, and sees the right materials for founding errand 4; pages have a language, headings and labelled
/// inputs, and never scroll sideways.
/// </summary>
public sealed class CheckPageTests : IClassFixture<Browser>
{
    // Founding errand 4's situation (catalog/hangzhou/applications/04-housing-fund-rent-withdrawal.yaml), as a citizen answers it.
    internal static readonly Dictionary<string, string> Errand4 = new(StringComparer.Ordinal)
    {
        ["applicant.has_local_hukou"] = "false",
        ["applicant.months_contributed"] = "14",
        ["applicant.rents_home"] = "true",
        ["applicant.marital_status"] = "single",
        ["applicant.fund_account_center"] = "city",
        ["applicant.authorises_property_query"] = "true",
        ["applicant.has_fund_joint_card"] = "true",
        ["applicant.has_smartphone"] = "true",
        ["household.owns_home_in_hangzhou"] = "false",
        ["withdrawal.above_basic_quota"] = "false",
    };

    private readonly Browser _browser;

    public CheckPageTests(Browser browser) => _browser = browser;

    [Fact]
    public async Task Errand4_AnsweredOneQuestionAtATime_ShowsTheCertificateFetchedAndNoVisit()
    {
        var page = await _browser.PhoneAsync();
        await page.GotoAsync("/onevisit/check?lang=en");
        await AssertPageAsync(page, "choose");
        await page.GetByRole(AriaRole.Link, new() { Name = "住房公积金提取（无房职工租房）" }).Or(page.Locator("a[href*='330100-SC-0004']")).First.ClickAsync();

        var asked = new List<string>();
        for (var step = 0; step < 20 && await page.Locator("input[name=question]").CountAsync() > 0; step++)
        {
            var path = await page.Locator("input[name=question]").GetAttributeAsync("value");
            Assert.NotNull(path);
            Assert.DoesNotContain(path, asked);
            asked.Add(path!);
            await AssertPageAsync(page, $"question-{step + 1}");
            Assert.True(Errand4.TryGetValue(path!, out var answer), $"The check asked about {path}, which errand 4's application does not answer.");
            await AnswerAsync(page, answer!);
        }

        await AssertPageAsync(page, "result");
        Assert.Equal("Your result", await page.Locator("h1").InnerTextAsync());
        // Asked only about their situation, not what they hold, the citizen is told to bring their ID card; the
        // no-housing certificate that once took a trip to another department is fetched from the property register.
        var toBring = await page.Locator("h2:has-text('What to bring') + ul").InnerTextAsync();
        Assert.Contains("Resident identity card", toBring, StringComparison.Ordinal);
        var fetched = await page.Locator("h2:has-text('Fetched for you') + ul").InnerTextAsync();
        Assert.Contains("No-housing certificate", fetched, StringComparison.Ordinal);
        Assert.Contains("Real Estate Registration", fetched, StringComparison.Ordinal);
        Assert.DoesNotContain("No-housing certificate", toBring, StringComparison.Ordinal);
        Assert.Equal("None.", await page.Locator("h2:has-text('Visits') + p").InnerTextAsync());
        Assert.True(asked.Count >= 1, "The errand needs at least one answer before it can be judged.");
    }

    [Fact]
    public async Task Question_WrongAnswer_IsAskedAgainWithWhatIsWrong_AndSkipMovesOn()
    {
        var page = await _browser.PhoneAsync();
        await page.GotoAsync("/onevisit/check/330100-SC-0004?lang=en");
        var first = await page.Locator("input[name=question]").GetAttributeAsync("value");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        Assert.Equal(first, await page.Locator("input[name=question]").GetAttributeAsync("value"));
        Assert.True(await page.Locator("[role=alert]").IsVisibleAsync(), "An unanswered question says what is missing.");
        await AssertPageAsync(page, "question-error");

        await page.GetByRole(AriaRole.Button, new() { Name = "I don't know, skip" }).ClickAsync();
        var next = await page.Locator("input[name=question]").CountAsync() > 0 ? await page.Locator("input[name=question]").GetAttributeAsync("value") : null;
        Assert.NotEqual(first, next);
    }

    [Fact]
    public async Task Pages_AreInChineseByDefault_WithAnEnglishSwitch()
    {
        var page = await _browser.PhoneAsync();
        await page.GotoAsync("/onevisit/check");

        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Check before you start", await page.Locator("h1").InnerTextAsync());
    }

    internal static async Task AnswerAsync(IPage page, string answer)
    {
        var radio = page.Locator($"input[type=radio][value='{answer}']");
        if (await radio.CountAsync() > 0)
        {
            await radio.CheckAsync();
        }
        else
        {
            await page.Locator("#answer").FillAsync(answer);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    // What every page owes a person: a language, one main heading, labelled inputs, no sideways scrolling at phone width.
    private static async Task AssertPageAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, $"check-{name}.png"), FullPage = true });
        Assert.False(string.IsNullOrEmpty(await page.Locator("html").GetAttributeAsync("lang")), "The page declares its language.");
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{name}: the page scrolls sideways by {overflow}px at phone width.");
        var unlabelled = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('input:not([type=hidden])')].filter(i => !(i.labels && i.labels.length)).length");
        Assert.Equal(0, unlabelled);
    }
}
