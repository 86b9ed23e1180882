using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck.Internal;

internal sealed partial class Resolver
{
    private IReadOnlyList<MaterialResult> Materials(ProcedureRules rules, PrecheckApplication app, Authority competent, QuestionCollector questions)
    {
        var results = new MaterialResult[rules.Procedure.Materials.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var template = rules.MaterialTemplates[i];
            var slot = rules.Materials[i];
            results[i] = app.TruthOf(slot) switch
            {
                Truth.False => template.NotRequired,
                Truth.Unknown => Undecided(template, rules, slot, questions),
                _ => Supply(rules, app, i, template, competent, questions),
            };
        }

        return results;
    }

    private static MaterialResult Undecided(MaterialTemplate template, ProcedureRules rules, int slot, QuestionCollector questions)
    {
        questions.Undecided(rules, slot, QuestionCollector.MaterialWeight);
        return template.Undecided;
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
}
