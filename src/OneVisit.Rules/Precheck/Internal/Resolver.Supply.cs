using OneVisit.Rules.Catalog;
using OneVisit.Rules.Catalog.Internal;
using OneVisit.Rules.Expressions;
using Notes = OneVisit.Rules.Precheck.Internal.MaterialTemplate.Notes;

namespace OneVisit.Rules.Precheck.Internal;

// How a required material is supplied: Supply tries the ways in order, one method for each way and each exemption.
internal sealed partial class Resolver
{
    // Held and accepted beats everything; then the integrator's own data; then the exemptions in the order the
    // catalogue lists them (its order of preference); only then is the material outdated or missing.
    private MaterialResult Supply(ProcedureRules rules, PrecheckApplication app, int index, MaterialTemplate template, Authority competent, QuestionCollector questions)
    {
        var baseline = template.Required;
        var held = BestHeld(baseline.Document, baseline.Material, app.Documents, app.AsOf);
        if (HeldOrConverted(baseline, held) is { } usable)
        {
            return usable;
        }

        if (SuppliedByIntegrator(baseline, app) is { } supplied)
        {
            return supplied;
        }

        if (FirstExemption(rules, app, index, template, held, competent, questions, out var exemptionUndecided) is { } exempted)
        {
            return exempted;
        }

        if (OfficeDocuments.IsGenerated(baseline.Document))
        {
            return Generated(baseline, held, app.AsOf);
        }

        if (exemptionUndecided)
        {
            return held.Document is null ? template.ExemptionUndecided : ExemptionUndecided(baseline, held);
        }

        return held.State switch
        {
            HeldState.Outdated => Outdated(baseline, held),
            HeldState.None => template.Missing,
            _ => Missing(baseline, held),
        };
    }

    private static MaterialResult? HeldOrConverted(MaterialResult baseline, HeldAssessment held) => held.State switch
    {
        HeldState.Accepted => HeldAccepted(baseline, held),
        HeldState.Converted => Converted(baseline, held),
        _ => null,
    };

    private static MaterialResult HeldAccepted(MaterialResult baseline, HeldAssessment held) => held.Document!.PassedOnBy is not null ? PassedOn(baseline, held) : baseline with
    {
        Status = MaterialStatus.Held,
        Held = held.Document,
        CurrentVersion = held.Current,
        Note = held.Document!.Electronic ? Notes.HeldElectronic : Notes.Held,
    };

    // Another member's result within a bundle: its department passes it on, so nothing is held, shown or carried.
    private static MaterialResult PassedOn(MaterialResult baseline, HeldAssessment held) => baseline with
    {
        Status = MaterialStatus.PassedOn,
        Held = held.Document,
        Note = new($"由办理{held.Document!.PassedOnBy}的部门办结后直接传递，无需提交", $"Passed on by the department of {held.Document.PassedOnBy} once issued; nothing to hand in"),
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
        MaterialTemplate template,
        HeldAssessment held,
        Authority competent,
        QuestionCollector questions,
        out bool exemptionUndecided)
    {
        var material = template.Required.Material;
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

            // Holding nothing is the common case, and then the result depends on the day, and for data sharing on the
            // deciding authority's region, only.
            var exemption = material.Exemptions[k];
            var exempted = held.Document is null
                ? template.Exemptions[k].GetOrAdd(app.AsOf, exemption.Kind == ExemptionKind.DataSharing ? competent.Region : null, (this, exemption, template.Required, competent, app.AsOf), static s => s.Item1.Exempt(s.Item2, s.Item3, s.Item4, s.Item5))
                : Exempt(exemption, template.Required, competent, app.AsOf) is { } e ? e with { Held = held.Document } : null;
            if (exempted is not null)
            {
                return exempted;
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
    private static MaterialResult Missing(MaterialResult baseline, HeldAssessment held) => baseline with
    {
        Status = MaterialStatus.Missing,
        Held = held.Document,
        Note = MaterialTemplate.MissingNote(baseline.Material, held.State == HeldState.Expired ? held.Document!.ExpiresOn : null),
    };

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
}
