using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck.Internal;

internal sealed partial class Resolver
{
    private IReadOnlyList<MaterialResult> Materials(ProcedureRules rules, PrecheckApplication app, Authority competent, QuestionCollector questions)
    {
        var procedure = rules.Procedure;
        var results = new MaterialResult[procedure.Materials.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var material = procedure.Materials[i];
            var document = _catalog.Documents[material.DocumentId];
            var slot = rules.Materials[i];
            var required = app.TruthOf(slot);
            var because = rules.MaterialReasons[i][(int)required];
            var baseline = new MaterialResult
            {
                Material = material,
                Document = document,
                Status = MaterialStatus.NotRequired,
                RequiredBecause = because,
                Note = Notes.NotRequired,
                Party = material.Party is { } party ? _catalog.Parties.GetValueOrDefault(party) : null,
            };

            results[i] = required switch
            {
                Truth.False => baseline,
                Truth.Unknown => Undecided(baseline, rules, slot, QuestionCollector.MaterialWeight, questions),
                _ => Supply(rules, app, i, baseline, competent, questions),
            };
        }

        return results;
    }

    /// <summary>Why each material is (not) required, indexed by material and truth; built when the rule set is compiled.</summary>
    public static Reason[][] MaterialReasons(Procedure procedure, IReadOnlyList<RuleDescriptor> rules, int[] slots) =>
    [
        .. procedure.Materials.Select((material, i) => new[] { Truth.False, Truth.Unknown, Truth.True }
            .Select(truth => RequiredBecause(procedure, rules, material, slots[i], truth))
            .ToArray()),
    ];

    private static Reason RequiredBecause(Procedure procedure, IReadOnlyList<RuleDescriptor> rules, Material material, int slot, Truth required)
    {
        if (material.RequiredWhen is not { } when)
        {
            return new Reason(RuleNames.MaterialRequired(procedure.Code, material.Id), new("本事项始终需要", "Always required by this procedure"), null, material.Location, procedure.LegalBasis);
        }

        var text = required switch
        {
            Truth.True => new LocalizedText($"需要，因为：{when.Text}", $"Required because {when.Text}"),
            Truth.False => new LocalizedText($"不需要，因为不满足：{when.Text}", $"Not required: {when.Text} does not hold"),
            _ => new LocalizedText($"是否需要取决于：{when.Text}", $"Required only if {when.Text}"),
        };
        return Why(rules[slot], text);
    }

    private static MaterialResult Undecided(MaterialResult baseline, ProcedureRules rules, int slot, int weight, QuestionCollector questions)
    {
        questions.Undecided(rules, slot, weight);
        return baseline with
        {
            Status = MaterialStatus.Undecided,
            Note = Notes.RequiredUndecided,
        };
    }

    private enum HeldState
    {
        None,
        Expired,
        Outdated,
        Converted,
        Accepted,
    }

    private readonly record struct HeldAssessment(
        HeldState State,
        HeldDocument? Document = null,
        string? Version = null,
        FormVersion? Current = null,
        IReadOnlyDictionary<string, string>? FieldMap = null);

    // A held document of the material's type stands for it; when several are held, the most usable one counts. A
    // party's material (the bride's ID card) takes only that party's document: one card never serves for two people.
    private static HeldAssessment BestHeld(DocumentType type, Material material, IReadOnlyList<HeldDocument> documents, DateOnly asOf)
    {
        var best = new HeldAssessment(HeldState.None);
        foreach (var held in documents)
        {
            // Of two equally usable documents, a result passed on within a bundle is the one the member waits for (the
            // buyer's new title, not the seller's old one the applicant also holds).
            if (held.DocumentId == type.Id && (material.Party is null || held.Party == material.Party) && Assess(type, material, held, asOf) is var assessment
                && (assessment.State > best.State || (assessment.State == best.State && held.PassedOnBy is not null && best.Document?.PassedOnBy is null)))
            {
                best = assessment;
            }
        }

        return best;
    }

    private static HeldAssessment Assess(DocumentType type, Material material, HeldDocument held, DateOnly asOf)
    {
        if (held.ExpiresOn is { } expires && expires < asOf)
        {
            return new(HeldState.Expired, held);
        }

        var current = type.CurrentVersion(asOf);
        if (type.FormVersions.Count == 0)
        {
            return new(HeldState.Accepted, held);
        }

        // No edition given: a form filled in online or at the office is taken to be the current edition.
        var version = held.FormVersion ?? current?.Version;
        var index = version is null ? -1 : FindVersion(type, version);
        if (index < 0)
        {
            return new(HeldState.Accepted, held, version, current);
        }

        var allowed = material.AcceptedFormVersions.Count == 0 || material.AcceptedFormVersions.Contains(version!);
        var inWindow = type.FormVersions[index].EffectiveFrom <= asOf && (type.AcceptedUntil(index) is not { } until || asOf <= until);
        if (allowed && inWindow)
        {
            return new(HeldState.Accepted, held, version, current);
        }

        if (current is not null
            && current.Version != version
            && current.ConvertsFrom.TryGetValue(version!, out var map)
            && (material.AcceptedFormVersions.Count == 0 || material.AcceptedFormVersions.Contains(current.Version)))
        {
            return new(HeldState.Converted, held, version, current, map);
        }

        return new(HeldState.Outdated, held, version, current);
    }

    private static int FindVersion(DocumentType type, string version)
    {
        for (var i = 0; i < type.FormVersions.Count; i++)
        {
            if (type.FormVersions[i].Version == version)
            {
                return i;
            }
        }

        return -1;
    }

    // Notes that do not depend on the application, made once rather than for every material of every check.
    private static class Notes
    {
        public static readonly LocalizedText NotRequired = new("本情形无需提交", "Not required in this situation");
        public static readonly LocalizedText RequiredUndecided = new("取决于尚未回答的问题", "Depends on a question not yet answered");
        public static readonly LocalizedText Held = new("已持有", "Held");
        public static readonly LocalizedText HeldElectronic = new("已持有（电子）", "Held (electronic)");
        public static readonly LocalizedText Generated = new("由办理机关生成，无需自备", "The office prepares it; nothing to bring");
        public static readonly LocalizedText ExemptionUndecided = new("可否免交取决于尚未回答的问题", "Whether it can be spared depends on a question not yet answered");
        public static readonly LocalizedText ELicence = new("调用电子证照，无需提交", "The e-licence is used; nothing to bring");
        public static readonly LocalizedText Commitment = new("可签署告知承诺书代替", "May be replaced by a signed commitment");
    }
}
