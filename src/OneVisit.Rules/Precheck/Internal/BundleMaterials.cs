using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>
/// Every material of a matter once (一套材料): one document of one party serves every member that asks for it, and
/// its status is the most demanding among those members, so a gap is never hidden behind a member that had it.
/// </summary>
internal static class BundleMaterials
{
    public static List<BundleMaterial> Merge(Bundle bundle, IReadOnlyList<BundleMemberResult> goingAhead)
    {
        var groups = new Dictionary<(string Document, string? Party), List<BundleMaterialUse>>();
        var order = new List<(string, string?)>();
        foreach (var member in goingAhead)
        {
            foreach (var material in member.Result!.Materials.Where(m => m.Status != MaterialStatus.NotRequired))
            {
                var key = (material.Document.Id, material.Material.Party);
                if (!groups.TryGetValue(key, out var uses))
                {
                    groups[key] = uses = [];
                    order.Add(key);
                }

                uses.Add(new BundleMaterialUse(member.Procedure.Code, material));
            }
        }

        var byCode = goingAhead.ToDictionary(m => m.Procedure.Code, StringComparer.Ordinal);
        return [.. order.Select(key => Material(bundle, groups[key], byCode))];
    }

    private static BundleMaterial Material(Bundle bundle, List<BundleMaterialUse> uses, Dictionary<string, BundleMemberResult> byCode)
    {
        var decisive = uses.MinBy(u => Demand(u.Material.Status))!.Material;
        var passed = uses.FirstOrDefault(u => u.Material.Status == MaterialStatus.PassedOn) is { } use
            ? PassedOn(bundle, use, byCode)
            : null;
        var note = decisive.Status == MaterialStatus.PassedOn && passed is not null ? passed.Note : decisive.Note;
        return new BundleMaterial(decisive.Document, decisive.Party, decisive.Status, note, uses, passed);
    }

    // What the applicant must still do, most first: what is missing outranks what may be, which outranks what is
    // held or promised, which outranks what the government obtains on its own.
    private static int Demand(MaterialStatus status) => status switch
    {
        MaterialStatus.Missing => 0,
        MaterialStatus.Outdated => 1,
        MaterialStatus.AcceptWithGap => 2,
        MaterialStatus.Undecided => 3,
        MaterialStatus.Commitment => 4,
        MaterialStatus.Held => 5,
        MaterialStatus.Converted => 6,
        MaterialStatus.ELicence => 7,
        MaterialStatus.Fetched => 8,
        MaterialStatus.PassedOn => 9,
        _ => 10,
    };

    private static BundleFlowResult? PassedOn(Bundle bundle, BundleMaterialUse use, Dictionary<string, BundleMemberResult> byCode)
    {
        var flow = bundle.FlowsInto(use.ProcedureCode).FirstOrDefault(f => f.ToMaterial == use.Material.Id && f.PassedOn);
        if (flow is null || !byCode.TryGetValue(flow.FromProcedure, out var producer))
        {
            return null;
        }

        var issuer = producer.Authority!;
        var via = flow.Via == FlowVia.ELicence ? ("电子证照", "as an e-licence") : ("部门推送", "pushed by the department");
        var member = producer.Procedure.Name;
        var note = new LocalizedText(
            $"由{issuer.Name.Text}在{member.Text}办结后传递（{via.Item1}），无需提交",
            $"Passed on by {issuer.Name.EnglishOrText} once {member.EnglishOrText} is done ({via.Item2}); nothing to hand in");
        return new BundleFlowResult(flow, issuer, note);
    }
}
