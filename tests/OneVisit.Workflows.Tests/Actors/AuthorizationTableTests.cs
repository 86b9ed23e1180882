using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Tests.Support;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Tests.Actors;

/// <summary>
/// Every operation of <see cref="ICaseService"/> (and the audit log's and ledgers' reads) against every kind of actor, on one case
/// under review: errand 3, handed in at the citizens' centre's general window and forwarded to the province's market
/// regulator (zj_amr), which fetches a document from a department. A denied call throws
/// <see cref="AccessDeniedException"/> and adds exactly one audit line naming the actor; an allowed one gets past
/// authorization (it may still be refused by the case's state, which is checked after who acts).
/// </summary>
public sealed class AuthorizationTableTests
{
    private const string Subject = "330106198001010011";
    private const string Other = "330106199001010022";
    private const string Procedure = "330100-SC-0003";

    [Fact]
    public async Task EveryOperation_EveryActorKind_IsAllowedOrDeniedAsTheTableSays()
    {
        await using var harness = await CaseHarness.StartAsync();
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "table"));
        var review = await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);
        var caseId = review.CaseId;
        var evidence = review.Evidence.First();
        var until = harness.Time.GetUtcNow().AddDays(30);
        var actors = new (string Name, CaseActor Actor)[]
        {
            ("applicant", CaseActor.Applicant(Subject)),
            ("another applicant", CaseActor.Applicant(Other)),
            ("agent", CaseActor.Agent("agent-1", new Mandate(Subject, until, [Procedure]))),
            ("agent, mandate ended", CaseActor.Agent("agent-2", new Mandate(Subject, harness.Time.GetUtcNow().AddDays(-1), validFrom: harness.Time.GetUtcNow().AddDays(-30)))),
            ("agent, other procedure", CaseActor.Agent("agent-3", new Mandate(Subject, until, ["330100-SC-0004"]))),
            ("agent of another", CaseActor.Agent("agent-4", new Mandate(Other, until))),
            ("reviewer", Officer("reviewer-1", review.AuthorityId, OfficerRole.Reviewer)),
            ("reviewer elsewhere", Officer("reviewer-2", "hz_amr_shangcheng", OfficerRole.Reviewer)),
            ("intake, competent", Officer("intake-1", review.AuthorityId, OfficerRole.IntakeWindow)),
            ("intake, window", Officer("intake-2", "hz_citizen_center", OfficerRole.IntakeWindow)),
            ("auditor", Officer("auditor-1", review.AuthorityId, OfficerRole.Auditor)),
            ("department asked", CaseActor.Department(evidence.DepartmentId)),
            ("another department", CaseActor.Department("hz_psb")),
            ("system", CaseActor.System),
        };

        // Who may, by operation: the rest of the actors above are denied.
        var table = new (string Operation, string[] Allowed, Func<CaseActor, int, Task> Call)[]
        {
            ("SubmitAsync", ["applicant", "agent", "intake, window"],
                (a, i) => harness.CaseService.As(a).SubmitAsync(harness.Errand("03-company-name-province.yaml", $"table-{i}") with { ApplicantId = Subject })),
            ("GetAsync", ["applicant", "agent", "reviewer", "intake, competent", "intake, window", "auditor", "system"],
                (a, _) => harness.CaseService.As(a).GetAsync(caseId)),
            ("WaitUntilAsync", ["applicant", "agent", "reviewer", "intake, competent", "intake, window", "auditor", "system"],
                (a, _) => harness.CaseService.As(a).WaitUntilAsync(caseId, _ => true, TimeSpan.FromSeconds(30))),
            ("ListAsync", ["applicant", "another applicant", "agent", "agent, mandate ended", "agent, other procedure", "agent of another", "reviewer", "reviewer elsewhere", "intake, competent", "intake, window", "auditor", "system"],
                (a, _) => harness.CaseService.As(a).ListAsync()),
            ("SupplyDocumentsAsync", ["applicant", "agent", "intake, competent", "intake, window"],
                (a, _) => harness.CaseService.As(a).SupplyDocumentsAsync(caseId, new SuppliedDocuments([new Rules.Precheck.HeldDocument("not_asked_for")]))),
            ("SignCommitmentAsync", ["applicant", "agent"],
                (a, _) => harness.CaseService.As(a).SignCommitmentAsync(caseId, new SignedCommitment("not_asked_for"))),
            ("AnswerEvidenceAsync", ["department asked"],
                (a, _) => harness.CaseService.As(a).AnswerEvidenceAsync(caseId, evidence.MaterialId, EvidenceResponse.Issued("X-1"))),
            ("DecideAsync", ["reviewer"],
                (a, _) => harness.CaseService.As(a).DecideAsync(caseId, new OfficerDecision(Approved: false))),
            ("RecordVisitAsync", ["intake, competent", "intake, window", "system"],
                (a, _) => harness.CaseService.As(a).RecordVisitAsync(caseId, new VisitMade("asking"))),
            ("ConfirmPickupAsync", ["intake, competent", "intake, window", "system"],
                (a, _) => harness.CaseService.As(a).ConfirmPickupAsync(caseId)),
            ("IAuditLog.ForCaseAsync", ["applicant", "agent", "reviewer", "intake, competent", "intake, window", "auditor", "system"],
                (a, _) => Log(harness, a).ForCaseAsync(caseId)),
            ("IAuditLog.ForSubjectAsync", ["applicant", "auditor", "system"],
                (a, _) => Log(harness, a).ForSubjectAsync(Subject)),
            ("IAuditLog.WhoLookedAsync", ["applicant", "auditor", "system"],
                (a, _) => Log(harness, a).WhoLookedAsync(Subject)),
            ("IAuditLog.VerifyAsync", ["auditor", "system"],
                (a, _) => Log(harness, a).VerifyAsync(caseId)),
            ("IVisitLedger.ForCaseAsync", ["applicant", "agent", "reviewer", "intake, competent", "intake, window", "auditor", "system"],
                (a, _) => Service<IVisitLedger>(harness).As(a).ForCaseAsync(caseId)),
            ("IVisitLedger.ForApplicantAsync", ["applicant", "auditor", "system"],
                (a, _) => Service<IVisitLedger>(harness).As(a).ForApplicantAsync(Subject)),
            ("ICommitmentLedger.ForCaseAsync", ["applicant", "agent", "reviewer", "intake, competent", "intake, window", "auditor", "system"],
                (a, _) => Service<ICommitmentLedger>(harness).As(a).ForCaseAsync(caseId)),
            ("ICommitmentLedger.DueByAsync", ["reviewer", "reviewer elsewhere", "intake, competent", "intake, window", "auditor", "system"],
                (a, _) => Service<ICommitmentLedger>(harness).As(a).DueByAsync(new DateOnly(2017, 12, 31))),
        };

        var wrong = new List<string>();
        var i = 0;
        foreach (var (operation, allowed, call) in table)
        {
            foreach (var (name, actor) in actors)
            {
                var before = (await harness.Audit.ForCaseAsync(caseId)).Count;
                var denied = await DeniedAsync(() => call(actor, i++));
                var expected = !allowed.Contains(name);
                if (denied is not null != expected)
                {
                    wrong.Add($"{operation} by {name}: expected {(expected ? "denied" : "allowed")}, was {(denied is null ? "allowed" : "denied: " + denied.Message)}");
                    continue;
                }

                if (denied is { CaseId.Length: > 0 })
                {
                    // The denial is the only line it added to the case, and it names who tried.
                    var after = await harness.Audit.ForCaseAsync(caseId);
                    var line = after[^1];
                    if (after.Count != before + 1 || line.Action != AuditActions.AttemptRefused || line.Actor != actor.AuditName)
                    {
                        wrong.Add($"{operation} by {name}: the denial was not audited as one attempt by {actor.AuditName} (lines {before} → {after.Count}, last {line.Action} by {line.Actor})");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(CaseStage.UnderReview, (await harness.Cases.GetAsync(caseId)).Stage);
    }

    private static CaseActor Officer(string id, string authority, OfficerRole role) => CaseActor.Officer(id, new OfficerPost(authority, role));

    private static IAuditLog Log(CaseHarness harness, CaseActor actor) => Service<IAuditLog>(harness).As(actor);

    private static T Service<T>(CaseHarness harness) =>
        harness.Services.GetService(typeof(T)) is T service ? service : throw new InvalidOperationException($"No {typeof(T).Name} registered.");

    /// <summary>The denial the call met, or null when it got past authorization (whatever the case then said).</summary>
    private static async Task<AccessDeniedException?> DeniedAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (AccessDeniedException denied)
        {
            return denied;
        }
        catch (CaseException)
        {
            return null;
        }
    }
}
