using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;

namespace OneVisit.Workflows.Bundles.Internal;

/// <summary>Turns a joint application and its bundle precheck into a new bundle case's data, members' cases included.</summary>
internal static class BundleFactory
{
    public static BundleData Create(string bundleCaseId, BundleSubmission submission, BundlePrecheckResult precheck, int supplementWorkingDays, DateTimeOffset now)
    {
        var bundle = precheck.Bundle;
        var undecided = precheck.Members.Where(m => m.Inclusion == MemberInclusion.Undecided).ToList();
        if (undecided.Count > 0 && precheck.Verdict != Verdict.NotEligible)
        {
            throw new IncompleteApplicationException(
                [.. undecided.Select(m => $"{m.Procedure.Code}: {m.Why.Text}"), .. precheck.OpenQuestions.Select(q => $"{q.Path}: {q.Question.Text}")]);
        }

        var data = new BundleData
        {
            BundleCaseId = bundleCaseId,
            ApplicantId = submission.ApplicantId!,
            Parties = [.. submission.Parties],
            BundleCode = bundle.Code,
            BundleVersion = bundle.Version,
            Name = bundle.Name.Text,
            NameEn = bundle.Name.English,
            WindowId = submission.Application.WindowId,
            LeadAuthorityId = bundle.LeadAuthorityId,
            SubmittedAt = now,
            Stage = CaseStage.Submitted,
            TimeLimitDays = bundle.TimeLimit?.Days,
            TimeLimitWorkingDays = bundle.TimeLimit?.WorkingDays ?? true,
            Denials = precheck.Verdict == Verdict.NotEligible ? [.. Obstacles(precheck)] : [],
            Gaps = [.. precheck.Materials.Where(m => m.Status is MaterialStatus.Missing or MaterialStatus.Outdated).Select(Gap)],
            NoticeText = precheck.Notice?.ToChinese(),
            SupplementWorkingDays = supplementWorkingDays,
            DeliversOnce = bundle.Delivery == BundleDelivery.Unified,
            PredictedVisits = precheck.Visits.Count,
            NaiveVisits = precheck.Visits.NaiveSum,
        };

        var ordered = bundle.InDependencyOrder();
        var results = precheck.Members.ToDictionary(m => m.Procedure.Code, StringComparer.Ordinal);
        var questions = new List<string>();
        foreach (var member in ordered)
        {
            var result = results[member.ProcedureCode];
            var index = data.Members.Count;
            var memberData = Member(data, member, result, index, bundle.OnMemberRefused);
            if (memberData.State == BundleMemberState.Pending && precheck.Verdict != Verdict.NotEligible)
            {
                try
                {
                    memberData.Case = MemberCase(data, memberData, submission, result.Result!, now);
                    memberData.Delivery = memberData.Case.Delivery;
                }
                catch (IncompleteApplicationException incomplete)
                {
                    questions.AddRange(incomplete.Questions.Select(q => $"{member.ProcedureCode}: {q}"));
                }
            }

            data.Members.Add(memberData);
        }

        if (questions.Count > 0)
        {
            throw new IncompleteApplicationException(questions);
        }

        var indexOf = data.Members.ToDictionary(m => m.ProcedureCode, m => m.Index, StringComparer.Ordinal);
        var documents = precheck.Members.Where(m => m.Result is not null)
            .SelectMany(m => m.Result!.Materials).Select(m => m.Document).DistinctBy(d => d.Id).ToDictionary(d => d.Id);
        data.Flows =
        [
            .. bundle.Flows.Where(f => f.PassedOn).Select(f => new BundleFlowData
            {
                From = indexOf[f.FromProcedure],
                To = indexOf[f.ToProcedure],
                DocumentId = f.DocumentId,
                DocumentName = documents.GetValueOrDefault(f.DocumentId)?.Name.Text ?? f.DocumentId,
                DocumentNameEn = documents.GetValueOrDefault(f.DocumentId)?.Name.English,
                Material = f.ToMaterial,
                Via = f.Via,
            }),
        ];
        return data;
    }

    /// <summary>A member's case id: the bundle's, and the member's place in it (so a restart finds the same one).</summary>
    public static string MemberCaseId(string bundleCaseId, int index) => $"{bundleCaseId}-{index + 1}";

    private static IEnumerable<string> Obstacles(BundlePrecheckResult precheck) =>
        precheck.Obstacles.Count > 0 ? precheck.Obstacles.Select(o => o.Text) : ["a member the bundle cannot do without is not eligible"];

    private static BundleGap Gap(BundleMaterial material) => new()
    {
        DocumentId = material.Document.Id,
        Party = material.Party?.Id,
        Name = material.Name.Text,
        Status = CatalogWords.Of(material.Status),
        CurrentEdition = material.UsedBy.Select(u => u.Material.CurrentVersion?.Version).FirstOrDefault(v => v is not null),
    };

    private static BundleMemberData Member(BundleData data, BundleMember member, BundleMemberResult result, int index, MemberRefusal bundleRule) => new()
    {
        Index = index,
        ProcedureCode = member.ProcedureCode,
        ProcedureVersion = result.Procedure.Version,
        Name = result.Procedure.Name.Text,
        NameEn = result.Procedure.Name.English,
        CaseId = MemberCaseId(data.BundleCaseId, index),
        AuthorityId = result.Authority?.Id,
        OnRefused = member.OnRefused ?? bundleRule,
        State = result.Inclusion switch
        {
            MemberInclusion.Included => BundleMemberState.Pending,
            MemberInclusion.Refused => BundleMemberState.Refused,
            MemberInclusion.Stopped => BundleMemberState.Stopped,
            _ => BundleMemberState.NotIncluded,
        },
        Outcome = result.Inclusion == MemberInclusion.Refused ? CaseOutcome.NotAdmitted : null,
        Why = result.Why.Text,
    };

    private static CaseData MemberCase(BundleData data, BundleMemberData member, BundleSubmission submission, PrecheckResult result, DateTimeOffset now)
    {
        var application = new PrecheckRequest
        {
            ProcedureCode = member.ProcedureCode,
            AsOf = submission.Application.AsOf,
            WindowId = submission.Application.WindowId,
        };
        var memberSubmission = new CaseSubmission { IdempotencyKey = member.CaseId, ApplicantId = submission.ApplicantId, Application = application, PreferredDelivery = submission.PreferredDelivery };
        var caseData = CaseFactory.Create(member.CaseId, memberSubmission, result, now);
        caseData.BundleCaseId = data.BundleCaseId;
        caseData.BundleMember = member.Index;
        caseData.DeliveredByBundle = data.DeliversOnce;

        // The bundle predicts and counts the trips of the whole matter; a member has none of its own to promise.
        caseData.PredictedVisits = 0;
        return caseData;
    }
}
