using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Testing.Internal;

/// <summary>What a bundle case expected against what the bundle precheck answered, in the test file's words.</summary>
internal static class BundleComparison
{
    public static List<PolicyMismatch> Compare(PolicyExpectation expect, BundlePrecheckResult actual)
    {
        var mismatches = new List<PolicyMismatch>();
        if (expect.Verdict is { } verdict && verdict != actual.Verdict)
        {
            var why = actual.Obstacles.Count == 0 ? string.Empty : $" ({string.Join("; ", actual.Obstacles.Select(o => o.Text))})";
            mismatches.Add(new("verdict", CatalogWords.Of(verdict), CatalogWords.Of(actual.Verdict) + why));
        }

        if (expect.Visits is { } visits && visits != actual.Visits.Count)
        {
            mismatches.Add(new("visits", Words.Of(visits), Words.Of(actual.Visits.Count) + Trips(actual.Visits)));
        }

        if (expect.NaiveVisits is { } naive && naive != actual.Visits.NaiveSum)
        {
            mismatches.Add(new("naive_visits", Words.Of(naive), Words.Of(actual.Visits.NaiveSum) + PerMember(actual.Visits)));
        }

        foreach (var (code, inclusion) in expect.Members)
        {
            var member = actual.Members.FirstOrDefault(m => m.Procedure.Code == code);
            if (member?.Inclusion != inclusion)
            {
                mismatches.Add(new($"members.{code}", CatalogWords.Of(inclusion),
                    member is null ? "(not a member)" : $"{CatalogWords.Of(member.Inclusion)} ({member.Why.Text})"));
            }
        }

        foreach (var (key, status) in expect.Materials)
        {
            mismatches.AddRange(Material(key, status, actual));
        }

        mismatches.AddRange(OpenQuestionComparison.Compare(expect.OpenQuestions, actual.OpenQuestions));
        return mismatches;
    }

    // A material no member going ahead asks for is not in the matter's list: that is what not_required means here.
    private static IEnumerable<PolicyMismatch> Material(string key, MaterialStatus expected, BundlePrecheckResult actual)
    {
        var material = actual.Materials.FirstOrDefault(m => Key(m) == key);
        var status = material?.Status ?? MaterialStatus.NotRequired;
        if (status == expected)
        {
            yield break;
        }

        var got = material is null
            ? "not_required (no member going ahead asks for it)"
            : CatalogWords.Of(status) + $" ({material.Note.Text}; used by {string.Join(", ", material.UsedBy.Select(u => u.ProcedureCode).Distinct())})";
        yield return new($"materials.{key}", CatalogWords.Of(expected), got);
    }

    private static string Key(BundleMaterial material) => material.Party is null ? material.Document.Id : $"{material.Document.Id}@{material.Party.Id}";

    // Each trip with where and why it is a trip of its own: what the policy officer compares with the policy.
    private static string Trips(BundleVisits visits) => visits.Trips.Count == 0
        ? string.Empty
        : " (" + string.Join("; ", visits.Trips.Select(t => $"trip {t.Number}: {t.Place.Text}, {t.Why.Text}, for {string.Join(", ", t.Touchpoints.Select(p => p.ProcedureCode).Distinct())}")) + ")";

    private static string PerMember(BundleVisits visits) =>
        " (" + string.Join(" + ", visits.PerMember.Select(m => $"{m.Key}: {Words.Of(m.Value)}")) + ")";
}
