using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Testing.Internal;

/// <summary>What a procedure case expected against what the precheck answered, in the test file's words.</summary>
internal static class ProcedureComparison
{
    public static List<PolicyMismatch> Compare(PolicyExpectation expect, PrecheckResult actual)
    {
        var mismatches = new List<PolicyMismatch>();
        if (expect.Verdict is { } verdict && verdict != actual.Verdict)
        {
            mismatches.Add(new("verdict", CatalogWords.Of(verdict), CatalogWords.Of(actual.Verdict)));
        }

        if (expect.Eligible is { } eligible && (eligible ? Truth.True : Truth.False) != actual.Eligibility.Eligible)
        {
            mismatches.Add(new("eligible", Words.Of(eligible), actual.Eligibility.Eligible switch
            {
                Truth.True => "true",
                Truth.False => "false",
                _ => "unknown (" + string.Join(", ", actual.OpenQuestions.Select(q => q.Path)) + ")",
            }));
        }

        if (expect.AuthorityId is { } authority && authority != actual.Routing.Authority.Id)
        {
            mismatches.Add(new("authority", authority, actual.Routing.Authority.Id));
        }

        if (expect.ForwardedTo is { } forwarded && forwarded != actual.Routing.ForwardedTo?.Id)
        {
            mismatches.Add(new("forwarded_to", forwarded, actual.Routing.ForwardedTo?.Id ?? "(not forwarded)"));
        }

        if (expect.Visits is { } visits && visits != actual.Visits.Count)
        {
            mismatches.Add(new("visits", Words.Of(visits), Words.Of(actual.Visits.Count) + Why(actual.Visits)));
        }

        foreach (var (id, status) in expect.Materials)
        {
            var material = actual.Materials.FirstOrDefault(m => m.Id == id);
            if (material?.Status != status)
            {
                mismatches.Add(new($"materials.{id}", CatalogWords.Of(status), material is null ? "(no such material)" : CatalogWords.Of(material.Status)));
            }
        }

        mismatches.AddRange(OpenQuestionComparison.Compare(expect.OpenQuestions, actual.OpenQuestions));
        return mismatches;
    }

    // Which step needs the applicant on which visit: what a policy officer reads to see why the count differs.
    private static string Why(VisitPrediction visits) => visits.Reasons.Count == 0
        ? string.Empty
        : " (" + string.Join("; ", visits.Reasons.Select(r => $"visit {r.Visit}: {r.StepId}{(r.Needed == Truth.Unknown ? "?" : string.Empty)}, {r.Why.Text.Text}")) + ")";
}
