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

    // Held and accepted beats everything; then the integrator's own data; then the exemptions in the order the
    // catalogue lists them (its order of preference); only then is the material outdated or missing.
    private MaterialResult Supply(ProcedureRules rules, PrecheckApplication app, int index, MaterialResult baseline, Authority competent, QuestionCollector questions)
    {
        var held = BestHeld(baseline.Document, baseline.Material, app.Documents, app.AsOf);
        if (HeldOrConverted(baseline, held) is { } usable)
        {
            return usable;
        }

        if (SuppliedByIntegrator(baseline, app) is { } supplied)
        {
            return supplied;
        }

        if (FirstExemption(rules, app, index, baseline, held, competent, questions, out var exemptionUndecided) is { } exempted)
        {
            return exempted;
        }

        if (MaterialClasses.IsGenerated(baseline.Document))
        {
            return Generated(baseline, held, app.AsOf);
        }

        if (exemptionUndecided)
        {
            return ExemptionUndecided(baseline, held);
        }

        return held.State == HeldState.Outdated ? Outdated(baseline, held) : Missing(baseline, held);
    }

    private static MaterialResult? HeldOrConverted(MaterialResult baseline, HeldAssessment held) => held.State switch
    {
        HeldState.Accepted => HeldAccepted(baseline, held),
        HeldState.Converted => Converted(baseline, held),
        _ => null,
    };

    private static MaterialResult HeldAccepted(MaterialResult baseline, HeldAssessment held) => baseline with
    {
        Status = MaterialStatus.Held,
        Held = held.Document,
        CurrentVersion = held.Current,
        Note = held.Document!.Electronic ? Notes.HeldElectronic : Notes.Held,
    };

    // An older edition the current one converts from is accepted through the field map instead of being refused.
    private static MaterialResult Converted(MaterialResult baseline, HeldAssessment held) => baseline with
    {
        Status = MaterialStatus.Converted,
        Held = held.Document,
        CurrentVersion = held.Current,
        FieldMap = held.FieldMap,
        Note = new(
            $"持有{held.Version}版，按字段对照转换为现行{held.Current!.Version}版受理",
            $"Held in the {held.Version} edition; its fields are converted to the current {held.Current!.Version} edition"),
    };

    // The integrator's own data source for the material, given with the application.
    private static MaterialResult? SuppliedByIntegrator(MaterialResult baseline, PrecheckApplication app) =>
        app.Supplied.TryGetValue(baseline.Material.Id, out var source)
            ? baseline with
            {
                Status = MaterialStatus.Fetched,
                CustomSource = source,
                Note = new($"由{source.Text}提供，无需提交", $"Provided by {source.EnglishOrText}; nothing to bring"),
            }
            : null;

    // The first exemption that holds and applies wins. Every exemption before it whose condition is unknown is asked
    // about, and reported through exemptionUndecided, which only counts when no later way supplies the material.
    private MaterialResult? FirstExemption(
        ProcedureRules rules,
        PrecheckApplication app,
        int index,
        MaterialResult baseline,
        HeldAssessment held,
        Authority competent,
        QuestionCollector questions,
        out bool exemptionUndecided)
    {
        var material = baseline.Material;
        exemptionUndecided = false;
        for (var k = 0; k < material.Exemptions.Count; k++)
        {
            var slot = rules.Exemptions[index][k];
            switch (app.TruthOf(slot))
            {
                case Truth.Unknown:
                    questions.Undecided(rules, slot, QuestionCollector.ExemptionWeight);
                    exemptionUndecided = true;
                    continue;
                case Truth.False:
                    continue;
            }

            if (Exempt(material.Exemptions[k], baseline, competent, app.AsOf) is { } exempted)
            {
                return exempted with { Held = held.Document };
            }
        }

        return null;
    }

    // A document the office issues itself is prepared when the case is opened; an outdated edition the person
    // happens to hold does not matter, the current one is prefilled (DOMAIN: "prefill the current one").
    private static MaterialResult Generated(MaterialResult baseline, HeldAssessment held, DateOnly asOf)
    {
        var current = baseline.Document.CurrentVersion(asOf);
        var outdated = held.State == HeldState.Outdated ? held.Version : null;
        return baseline with
        {
            Status = MaterialStatus.Generated,
            Held = held.Document,
            CurrentVersion = current,
            Note = (current, outdated) switch
            {
                ({ } c, { } old) => new($"所持{old}版不再受理；由办理机关按现行{c.Version}版预填，申请时核对签署", $"The {old} edition is no longer accepted; the office prefills the current {c.Version} edition for you to check and sign"),
                ({ } c, null) => new($"由办理机关按现行{c.Version}版预填，申请时核对签署", $"The office prefills the current {c.Version} edition for you to check and sign"),
                _ => Notes.Generated,
            },
        };
    }

    // Not yet missing: an unanswered question might still spare it.
    private static MaterialResult ExemptionUndecided(MaterialResult baseline, HeldAssessment held) => baseline with
    {
        Status = MaterialStatus.Undecided,
        Held = held.Document,
        Note = Notes.ExemptionUndecided,
    };

    private static MaterialResult Outdated(MaterialResult baseline, HeldAssessment held)
    {
        var current = held.Current?.Version ?? "?";
        return baseline with
        {
            Status = MaterialStatus.Outdated,
            Held = held.Document,
            CurrentVersion = held.Current,
            Note = new($"所持{held.Version}版已不再受理，请使用现行{current}版", $"The {held.Version} edition is no longer accepted; use the current {current} edition"),
        };
    }

    // Nothing held (or only an expired one) and nothing spares it: say what to bring, in which form and how many.
    private static MaterialResult Missing(MaterialResult baseline, HeldAssessment held)
    {
        var material = baseline.Material;
        var form = material.Form switch
        {
            MaterialForm.Original => ("原件", "original"),
            MaterialForm.Copy => ("复印件", "copy"),
            _ => ("电子件", "electronic copy"),
        };
        var expired = held.State == HeldState.Expired
            ? ($"（所持证件已于{held.Document!.ExpiresOn:yyyy-MM-dd}过期）", $" (the one held expired on {held.Document!.ExpiresOn:yyyy-MM-dd})")
            : ("", "");
        return baseline with
        {
            Status = MaterialStatus.Missing,
            Held = held.Document,
            Note = new(
                $"缺少，请提交{form.Item1}{material.Copies}份{expired.Item1}",
                $"Missing; bring {material.Copies} {form.Item2}{(material.Copies == 1 ? "" : "s")}{expired.Item2}"),
        };
    }

    private MaterialResult? Exempt(Exemption exemption, MaterialResult baseline, Authority competent, DateOnly asOf) => exemption.Kind switch
    {
        ExemptionKind.DataSharing => SharedData(exemption, baseline, competent),
        ExemptionKind.ELicence when baseline.Document.HasELicence => ELicence(exemption, baseline),
        ExemptionKind.Commitment => Commitment(exemption, baseline, asOf),
        ExemptionKind.AcceptWithGap => AcceptWithGap(exemption, baseline, asOf),
        _ => null,
    };

    // The deciding office asks the source that covers its own region; one that does not cover it cannot answer.
    private MaterialResult? SharedData(Exemption exemption, MaterialResult baseline, Authority competent)
    {
        var source = baseline.Document.Evidence.FirstOrDefault(s => s.Covers(competent.Region));
        if (source is null)
        {
            return null;
        }

        var from = _catalog.Authorities[source.AuthorityId];
        return baseline with
        {
            Status = MaterialStatus.Fetched,
            Exemption = exemption,
            Source = from,
            Note = new($"由{from.Name.Text}共享提供，无需提交", $"Fetched from {from.Name.EnglishOrText} by data sharing; nothing to bring"),
        };
    }

    private static MaterialResult ELicence(Exemption exemption, MaterialResult baseline) => baseline with
    {
        Status = MaterialStatus.ELicence,
        Exemption = exemption,
        Note = Notes.ELicence,
    };

    // The office verifies the promise later, within the days the catalogue gives, if it gives any.
    private static MaterialResult Commitment(Exemption exemption, MaterialResult baseline, DateOnly asOf)
    {
        var verifyBy = exemption.VerifyWithinDays is { } days ? asOf.AddDays(days) : (DateOnly?)null;
        return baseline with
        {
            Status = MaterialStatus.Commitment,
            Exemption = exemption,
            VerifyBy = verifyBy,
            Note = verifyBy is { } v
                ? new($"可签署告知承诺书代替，{v:yyyy-MM-dd}前核查", $"May be replaced by a signed commitment, verified by {v:yyyy-MM-dd}")
                : Notes.Commitment,
        };
    }

    // The deadline to supply it later counts working days, so it needs the calendar.
    private MaterialResult AcceptWithGap(Exemption exemption, MaterialResult baseline, DateOnly asOf)
    {
        var supplyBy = _calendar.AddWorkingDays(asOf, exemption.DeadlineWorkingDays ?? 0);
        return baseline with
        {
            Status = MaterialStatus.AcceptWithGap,
            Exemption = exemption,
            SupplyBy = supplyBy,
            OnMissed = exemption.OnMissed,
            Note = new($"容缺受理，须于{supplyBy:yyyy-MM-dd}前补交", $"Accepted now; supply it by {supplyBy:yyyy-MM-dd}"),
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

    // A held document of the material's type stands for it; when several are held, the most usable one counts.
    private static HeldAssessment BestHeld(DocumentType type, Material material, IReadOnlyList<HeldDocument> documents, DateOnly asOf)
    {
        var best = new HeldAssessment(HeldState.None);
        foreach (var held in documents)
        {
            if (held.DocumentId == type.Id && Assess(type, material, held, asOf) is var assessment && assessment.State > best.State)
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
