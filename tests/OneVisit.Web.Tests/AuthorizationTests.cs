using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneVisit.Web.Tests.Support;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Cases;

namespace OneVisit.Web.Tests;

/// <summary>
/// The authorization table of docs/security.md ("who may do what"), exercised through HTTP: for each operation, the
/// actors it allows and some it denies, each signed in through the host's claims. A denied read or change of a case is
/// answered as a case that does not exist (404); a denied operation on no particular case is 403.
/// </summary>
public sealed class AuthorizationTests : IClassFixture<SampleHost>
{
    private const string Errand = "330100-SC-0004";
    private static readonly CaseActor Applicant = CaseActor.Applicant("330106-authz-0001");
    private static readonly CaseActor OtherApplicant = CaseActor.Applicant("330106-authz-0002");
    private static readonly CaseActor Agent = CaseActor.Agent("agent-0001", new Mandate(Applicant.Id, DateTimeOffset.UtcNow.AddYears(1), [Errand]));
    private static readonly CaseActor AgentForAnotherProcedure = CaseActor.Agent("agent-0002", new Mandate(Applicant.Id, DateTimeOffset.UtcNow.AddYears(1), ["330100-SC-0001"]));
    private static readonly CaseActor Reviewer = CaseActor.Officer("hf-reviewer", new OfficerPost("hz_housing_fund", OfficerRole.Reviewer));
    private static readonly CaseActor Intake = CaseActor.Officer("hf-intake", new OfficerPost("hz_housing_fund", OfficerRole.IntakeWindow));
    private static readonly CaseActor Auditor = CaseActor.Officer("hf-auditor", new OfficerPost("hz_housing_fund", OfficerRole.Auditor));
    private static readonly CaseActor OtherReviewer = CaseActor.Officer("amr-reviewer", new OfficerPost("hz_amr", OfficerRole.Reviewer));
    private static readonly CaseActor Department = CaseActor.Department("hz_real_estate_registry");

    private readonly SampleHost _host;

    private static HttpRequestMessage ForWalkIn(HttpRequestMessage request)
    {
        request.Headers.Add("OneVisit-Applicant-Id", OtherApplicant.Id);
        return request;
    }

    public AuthorizationTests(SampleHost host) => _host = host;

    [Fact]
    public async Task EveryOperation_AllowsItsActors_AndDeniesTheOthers()
    {
        var mismatches = new List<string>();
        async Task Expect(string operation, CaseActor actor, HttpStatusCode expected, Func<HttpClient, Task<HttpResponseMessage>> call)
        {
            using var client = _host.As(actor);
            using var response = await call(client);
            if (response.StatusCode != expected)
            {
                mismatches.Add($"{operation} as {actor.Kind} {actor.Id}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        // Submit: the applicant and their agent (a mandate covering the procedure), not an agent whose mandate does not;
        // an officer only as intake at the window the application names, for the walk-in applicant they name.
        await Expect("submit", Applicant, HttpStatusCode.Created, c => c.SendAsync(ApiTests.Submission(Bodies.Errand4, "authz-applicant")));
        await Expect("submit", Agent, HttpStatusCode.Created, c => c.SendAsync(ApiTests.Submission(Bodies.Errand4, "authz-agent")));
        await Expect("submit", AgentForAnotherProcedure, HttpStatusCode.Forbidden, c => c.SendAsync(ApiTests.Submission(Bodies.Errand4, "authz-agent-other")));
        await Expect("submit", Reviewer, HttpStatusCode.Forbidden, c => c.SendAsync(ForWalkIn(ApiTests.Submission(Bodies.Errand4, "authz-reviewer"))));
        await Expect("submit", Intake, HttpStatusCode.Forbidden, c => c.SendAsync(ForWalkIn(ApiTests.Submission(Bodies.Errand4, "authz-intake-no-window"))));
        await Expect("submit", Department, HttpStatusCode.Forbidden, c => c.SendAsync(ForWalkIn(ApiTests.Submission(Bodies.Errand4, "authz-department"))));
        var atTheWindow = Bodies.Errand4.Replace("as_of: 2017-02-18", "as_of: 2017-02-18\nwindow: hz_housing_fund_window", StringComparison.Ordinal);
        await Expect("submit at the window", Intake, HttpStatusCode.Created, c => c.SendAsync(ForWalkIn(ApiTests.Submission(atTheWindow, "authz-intake-window"))));
        await Expect("submit without naming the walk-in applicant", Intake, HttpStatusCode.BadRequest, c => c.SendAsync(ApiTests.Submission(atTheWindow, "authz-intake-unnamed")));

        using (var applicant = _host.As(Applicant))
        {
            var mine = await applicant.SendAsync(ApiTests.Submission(Bodies.Errand4, "authz-applicant"));
            var caseId = mine.Headers.Location!.ToString().Split('/')[^1];
            await _host.Services.GetRequiredService<ICaseService>().As(CaseActor.System).WaitUntilAsync(caseId, s => s.Stage == CaseStage.UnderReview, TimeSpan.FromSeconds(30));
            var path = $"/onevisit/api/cases/{caseId}";

            // Read a case: the applicant, their agent, any officer of the competent authority; no one else.
            foreach (var actor in new[] { Applicant, Agent, Reviewer, Intake, Auditor })
            {
                await Expect("read the case", actor, HttpStatusCode.OK, c => c.GetAsync(path));
            }

            foreach (var actor in new[] { OtherApplicant, AgentForAnotherProcedure, OtherReviewer, Department })
            {
                await Expect("read the case", actor, HttpStatusCode.NotFound, c => c.GetAsync(path));
            }

            // List: everyone in their own scope but departments.
            await Expect("list cases", Applicant, HttpStatusCode.OK, c => c.GetAsync("/onevisit/api/cases"));
            await Expect("list cases", Reviewer, HttpStatusCode.OK, c => c.GetAsync("/onevisit/api/cases"));
            await Expect("list cases", Department, HttpStatusCode.Forbidden, c => c.GetAsync("/onevisit/api/cases"));

            // Sign a commitment: only the applicant's to sign (here the case waits for none, so the applicant is told
            // that instead: 409); officers and others never reach the case.
            await Expect("sign a commitment", Reviewer, HttpStatusCode.NotFound, c => c.PostAsync($"{path}/commitments/resident_id_card", null));
            await Expect("sign a commitment", OtherApplicant, HttpStatusCode.NotFound, c => c.PostAsync($"{path}/commitments/resident_id_card", null));

            // Supply documents: not a reviewer, not another applicant.
            var card = Bodies.Json("""{"documents": [{"document": "resident_id_card", "electronic": true}]}""");
            await Expect("supply documents", Reviewer, HttpStatusCode.NotFound, c => c.PostAsync($"{path}/documents", card));
            await Expect("supply documents", OtherApplicant, HttpStatusCode.NotFound, c => c.PostAsync($"{path}/documents", card));

            // Who looked at my data: the subject; not a department.
            await Expect("who looked", Applicant, HttpStatusCode.OK, c => c.GetAsync("/onevisit/api/me/data-access"));
            await Expect("who looked", Department, HttpStatusCode.Forbidden, c => c.GetAsync("/onevisit/api/me/data-access"));

            // Decide: a reviewer of the competent authority only; the others first, so the case is still open for them.
            var approve = () => Bodies.Json("""{"approved": true}""");
            foreach (var actor in new[] { Applicant, Agent, Intake, Auditor, OtherReviewer, Department })
            {
                await Expect("decide", actor, HttpStatusCode.NotFound, c => c.PostAsync($"{path}/decision", approve()));
            }

            await Expect("decide", Reviewer, HttpStatusCode.Accepted, c => c.PostAsync($"{path}/decision", approve()));
        }

        Assert.True(mismatches.Count == 0, "The authorization table does not hold over HTTP:\n" + string.Join("\n", mismatches));
    }
}
