using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneVisit.Web.Tests.Support;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Cases;

namespace OneVisit.Web.Tests;

/// <summary>
/// The JSON API over the sample host, end to end on a real SQLite store: founding errand 4 prechecked, applied for,
/// decided by the competent authority's officer and seen by the citizen, while an officer of another authority gets
/// nothing; and every refusal a person can cause answered as a problem document saying what to do.
/// </summary>
public sealed class ApiTests : IClassFixture<SampleHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly SampleHost _host;

    public ApiTests(SampleHost host) => _host = host;

    [Fact]
    public async Task Procedures_ListsTheCatalogue()
    {
        using var client = _host.As(null);
        var json = await GetJsonAsync(client, "/onevisit/api/procedures");

        var codes = json.GetProperty("procedures").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.Contains("330100-SC-0004", codes);
        Assert.NotEmpty(json.GetProperty("bundles").EnumerateArray());
    }

    [Fact]
    public async Task Guide_UnknownProcedure_IsNotFoundWithASuggestion()
    {
        using var client = _host.As(null);
        var response = await client.GetAsync("/onevisit/api/procedures/330100-SC-00004/guide");
        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);

        Assert.Contains("330100-SC-0004", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Precheck_Errand4_NeedsNoVisitAndFetchesTheNoHousingCertificate()
    {
        using var client = _host.As(null);
        var response = await client.PostAsync("/onevisit/api/precheck", Bodies.Yaml(Bodies.Errand4));
        var json = await JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal("online", json.GetProperty("verdict").GetString());
        Assert.Contains(json.GetProperty("materials").EnumerateArray(), m => m.GetProperty("status").GetString() == "fetched");
    }

    [Fact]
    public async Task Precheck_JsonBody_IsReadLikeTheApplicationFile()
    {
        using var client = _host.As(null);
        const string body = """{"procedure": "330100-SC-0004", "as_of": "2017-02-18", "facts": {"applicant.has_local_hukou": false, "applicant.rents_home": true}}""";
        var json = await JsonAsync(await client.PostAsync("/onevisit/api/precheck", Bodies.Json(body)), HttpStatusCode.OK);

        Assert.Equal("330100-SC-0004", json.GetProperty("procedure").GetProperty("code").GetString());
        Assert.NotEmpty(json.GetProperty("openQuestions").EnumerateArray());
    }

    [Fact]
    public async Task Precheck_UnknownFact_IsAProblemAtItsLineWithDidYouMean()
    {
        using var client = _host.As(null);
        const string body = "{\"procedure\": \"330100-SC-0004\",\n \"facts\": {\"applicant.rent_home\": true}}";
        var problem = await ProblemAsync(await client.PostAsync("/onevisit/api/precheck", Bodies.Json(body)), HttpStatusCode.BadRequest);

        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Contains("applicant.rents_home", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Precheck_TooLargeOrNotJson_IsRefusedBeforeReading()
    {
        using var client = _host.As(null);
        var large = await client.PostAsync("/onevisit/api/precheck", Bodies.Json("{\"procedure\": \"" + new string('x', 70_000) + "\"}"));
        var form = await client.PostAsync("/onevisit/api/precheck", new StringContent("procedure=330100-SC-0004", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        var largeProblem = await ProblemAsync(large, HttpStatusCode.RequestEntityTooLarge);
        var formProblem = await ProblemAsync(form, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("65,536 bytes", largeProblem.GetProperty("detail").GetString());
        Assert.Contains("application/json", formProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Submit_NeedsSignInAndAnIdempotencyKey()
    {
        using var anonymous = _host.As(null);
        using var citizen = _host.As(SampleHost.Citizen);

        var unsigned = await anonymous.SendAsync(Submission(Bodies.Errand4, "key-anonymous"));
        var keyless = await citizen.PostAsync("/onevisit/api/cases", Bodies.Yaml(Bodies.Errand4));

        await ProblemAsync(unsigned, HttpStatusCode.Unauthorized);
        var problem = await ProblemAsync(keyless, HttpStatusCode.BadRequest);
        Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Submit_SameKeyTwice_IsOneCase()
    {
        using var citizen = _host.As(SampleHost.OtherCitizen);

        var first = await JsonAsync(await citizen.SendAsync(Submission(Bodies.Errand4, "same-key")), HttpStatusCode.Created);
        var again = await JsonAsync(await citizen.SendAsync(Submission(Bodies.Errand4, "same-key")), HttpStatusCode.Created);

        Assert.Equal(first.GetProperty("caseId").GetString(), again.GetProperty("caseId").GetString());
    }

    [Fact]
    public async Task Errand4_AppliedDecidedAndSeen_OnlyByTheCompetentAuthority()
    {
        using var citizen = _host.As(SampleHost.Citizen);
        using var officer = _host.As(SampleHost.HousingFundOfficer);
        using var stranger = _host.As(SampleHost.AmrOfficer);

        var submitted = await citizen.SendAsync(Submission(Bodies.Errand4, "errand-4-web"));
        var created = await JsonAsync(submitted, HttpStatusCode.Created);
        var caseId = created.GetProperty("caseId").GetString()!;
        Assert.EndsWith($"/onevisit/api/cases/{caseId}", submitted.Headers.Location!.ToString());
        await WaitAsync(caseId, s => s.Stage == CaseStage.UnderReview);

        var inbox = await GetJsonAsync(officer, "/onevisit/api/inbox");
        var item = Assert.Single(inbox.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseId").GetString() == caseId);
        Assert.Equal("review", item.GetProperty("queue").GetString());
        var strangersInbox = await GetJsonAsync(stranger, "/onevisit/api/inbox");
        Assert.DoesNotContain(strangersInbox.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseId").GetString() == caseId);

        await ProblemAsync(await stranger.GetAsync($"/onevisit/api/cases/{caseId}"), HttpStatusCode.NotFound);
        await ProblemAsync(await stranger.PostAsync($"/onevisit/api/cases/{caseId}/decision", Bodies.Json("""{"approved": true}""")), HttpStatusCode.NotFound);
        var decided = await officer.PostAsync($"/onevisit/api/cases/{caseId}/decision", Bodies.Json("""{"approved": true}"""));
        Assert.Equal(HttpStatusCode.Accepted, decided.StatusCode);
        await WaitAsync(caseId, s => s.Decision is not null);

        var seen = await GetJsonAsync(citizen, $"/onevisit/api/cases/{caseId}");
        Assert.Equal("approved", seen.GetProperty("outcome").GetString() ?? Decision(seen));
        var reads = await GetJsonAsync(citizen, "/onevisit/api/me/data-access");
        Assert.Contains(reads.GetProperty("reads").EnumerateArray(), r => r.GetProperty("who").GetString()!.Contains("officer-hf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SupplyDocuments_TheMissingIdCard_LetsTheCaseGoOn()
    {
        using var citizen = _host.As(CaseActor.Applicant("330106-test-0003"));
        // Errand 4 without the ID card: the office waits for it.
        var withoutCard = Bodies.Errand4[..Bodies.Errand4.IndexOf("documents:", StringComparison.Ordinal)]
            + "documents:\n  - document: housing_fund_withdrawal_form\n    issued_on: 2017-02-18\n    electronic: true\n";
        var created = await JsonAsync(await citizen.SendAsync(Submission(withoutCard, "supply-later")), HttpStatusCode.Created);
        var caseId = created.GetProperty("caseId").GetString()!;
        await WaitAsync(caseId, s => s.Stage == CaseStage.AwaitingSupplement);

        var wrong = await citizen.PostAsync($"/onevisit/api/cases/{caseId}/documents", Bodies.Json("""{"documents": [{"document": "resident_id_crad"}]}"""));
        var problem = await ProblemAsync(wrong, HttpStatusCode.BadRequest);
        Assert.Contains("resident_id_card", problem.GetProperty("errors")[0].GetProperty("message").GetString());

        var supplied = await citizen.PostAsync($"/onevisit/api/cases/{caseId}/documents", Bodies.Json("""{"documents": [{"document": "resident_id_card", "issued_on": "2012-05-04", "expires_on": "2032-05-04", "electronic": true}]}"""));
        Assert.Equal(HttpStatusCode.Accepted, supplied.StatusCode);
        await WaitAsync(caseId, s => s.Stage is CaseStage.UnderReview or CaseStage.FetchingEvidence);
    }

    [Fact]
    public async Task Decision_WithoutApproved_SaysWhatToSend()
    {
        using var officer = _host.As(SampleHost.HousingFundOfficer);
        var problem = await ProblemAsync(await officer.PostAsync("/onevisit/api/cases/C-NONE/decision", Bodies.Json("{}")), HttpStatusCode.BadRequest);

        Assert.Contains("\"approved\": true", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CrossSiteWrite_IsRefused_AndResponsesCarrySecurityHeaders()
    {
        using var citizen = _host.As(SampleHost.Citizen);
        var forged = Submission(Bodies.Errand4, "forged");
        forged.Headers.Add("Sec-Fetch-Site", "cross-site");
        var response = await citizen.SendAsync(forged);
        var other = Submission(Bodies.Errand4, "forged-origin");
        other.Headers.Add("Origin", "https://evil.example");
        var fromOrigin = await citizen.SendAsync(other);

        await ProblemAsync(response, HttpStatusCode.Forbidden);
        await ProblemAsync(fromOrigin, HttpStatusCode.Forbidden);
        var page = await citizen.GetAsync("/onevisit/api/procedures");
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task OpenApi_DescribesTheOperations()
    {
        using var client = _host.As(null);
        var document = await GetJsonAsync(client, "/onevisit/openapi/onevisit.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/onevisit/api/precheck", paths);
        Assert.Contains("/onevisit/api/cases/{caseId}/decision", paths);
        Assert.Contains("/onevisit/api/inbox", paths);
    }

    private static string? Decision(JsonElement snapshot) =>
        snapshot.TryGetProperty("decision", out var d) && d.ValueKind == JsonValueKind.Object ? (d.GetProperty("approved").GetBoolean() ? "approved" : "refused") : null;

    private async Task WaitAsync(string caseId, Func<CaseSnapshot, bool> condition) =>
        await _host.Services.GetRequiredService<ICaseService>().As(CaseActor.System).WaitUntilAsync(caseId, condition, Patience);

    internal static HttpRequestMessage Submission(string yaml, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/onevisit/api/cases") { Content = Bodies.Yaml(yaml) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path) => await JsonAsync(await client.GetAsync(path), HttpStatusCode.OK);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{(int)expected} came as {response.Content.Headers.ContentType}: {text}");
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
