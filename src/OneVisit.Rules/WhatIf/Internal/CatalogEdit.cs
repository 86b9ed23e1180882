using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.WhatIf.Internal;

/// <summary>
/// One reform being applied: copies of the catalogue's documents, procedures and bundles that its changes replace,
/// record by record (<c>with</c>), never touching the catalogue they came from; then a new catalogue from them.
/// </summary>
internal sealed class CatalogEdit(ProcedureCatalog catalog, string reformId)
{
    private readonly Dictionary<string, DocumentType> _documents = new(catalog.Documents, StringComparer.Ordinal);
    private readonly Dictionary<string, Procedure> _procedures = new(catalog.Procedures, StringComparer.Ordinal);
    private readonly Dictionary<string, Bundle> _bundles = new(catalog.Bundles, StringComparer.Ordinal);
    private ReformChange _change = null!;

    public List<ReformEffect> Effects { get; } = [];

    public DiagnosticBag Diagnostics { get; } = new();

    public ProcedureCatalog Build() => new(
        catalog.Info,
        catalog.Facts,
        [.. catalog.Authorities.Values],
        [.. _documents.Values],
        [.. _procedures.Values.OrderBy(p => p.Code, StringComparer.Ordinal)],
        [.. _bundles.Values.OrderBy(b => b.Code, StringComparer.Ordinal)]);

    public void Share(ShareDocument share)
    {
        _change = share;
        var document = Document(share.DocumentId);
        var authority = share.SourceAuthorityId ?? document.IssuedBy
            ?? throw new ArgumentException($"Document '{document.Id}' has no issuing department; the reform must name the source.", nameof(share));
        Authority(authority);
        var regions = share.Regions.Count > 0 ? share.Regions : [catalog.Info.Region];
        var uncovered = regions.Where(r => !document.Evidence.Any(e => e.AuthorityId == authority && e.Covers(r))).ToList();
        if (uncovered.Count > 0)
        {
            _documents[document.Id] = document with { Evidence = [.. document.Evidence, new EvidenceSource(authority, uncovered, share.Location)] };
            Effect(document.Id, $"{authority} answers evidence requests for it in {string.Join(", ", uncovered)}");
        }

        EachMaterial(share.DocumentId, share.Consumers, (procedure, material) =>
        {
            if (material.Exemptions.Any(e => e.Kind == ExemptionKind.DataSharing))
            {
                return material;
            }

            // First: fetching it spares the applicant more than any other exemption already listed.
            Effect(procedure.Code, $"material '{material.Id}' is fetched from {authority} instead of brought");
            return material with { Exemptions = [new Exemption(ExemptionKind.DataSharing, share.When, null, null, share.Location), .. material.Exemptions] };
        });
    }

    public void Drop(DropMaterial drop)
    {
        _change = drop;
        Document(drop.DocumentId);
        foreach (var procedure in Selected(drop.Procedures).ToList())
        {
            var changed = false;
            var materials = new List<Material>(procedure.Materials.Count);
            var dropped = new List<string>();
            foreach (var material in procedure.Materials)
            {
                if (material.DocumentId != drop.DocumentId)
                {
                    materials.Add(material);
                }
                else if (drop.OnlyWhen is null)
                {
                    changed = true;
                    dropped.Add(material.Id);
                    Effect(procedure.Code, $"material '{material.Id}' is no longer asked for");
                }
                else if (material.RequiredWhen?.Text != drop.OnlyWhen.Text)
                {
                    changed = true;
                    var when = Both(material.RequiredWhen, drop.OnlyWhen);
                    materials.Add(material with { RequiredWhen = when });
                    Effect(procedure.Code, $"material '{material.Id}' is asked for only when {when.Text}");
                }
                else
                {
                    materials.Add(material);
                }
            }

            if (changed)
            {
                _procedures[procedure.Code] = procedure with { Materials = materials };
                DropFlowsInto(procedure.Code, dropped);
            }
        }
    }

    public void AddExemption(AddExemption add)
    {
        _change = add;
        Document(add.DocumentId);
        EachMaterial(add.DocumentId, add.Procedures, (procedure, material) =>
        {
            if (material.Exemptions.Any(e => e.Kind == add.Exemption.Kind))
            {
                return material;
            }

            Effect(procedure.Code, $"material '{material.Id}' may be spared by {CatalogWords.Of(add.Exemption.Kind)}");
            return material with { Exemptions = [.. material.Exemptions, add.Exemption] };
        });
    }

    public void AddRemoteAlternative(AddRemoteAlternative add)
    {
        _change = add;
        EachStep(add.Procedures, step => step.Reason == add.Reason && (add.StepId is null || step.Id == add.StepId), add.Alternative);
    }

    public void AllowDelivery(AllowDelivery allow)
    {
        _change = allow;
        var alternative = new RemoteAlternative(
            allow.Delivery == ResultDelivery.Mail ? new LocalizedText("邮寄送达", "Sent by post") : new LocalizedText("电子证照送达", "Issued as an e-licence"),
            null,
            allow.Location);
        foreach (var procedure in Selected(allow.Procedures).Where(p => !allow.Procedures.IsAll || Collected(p)).ToList())
        {
            if (!procedure.ResultDelivery.Contains(allow.Delivery))
            {
                _procedures[procedure.Code] = procedure with { ResultDelivery = [.. procedure.ResultDelivery, allow.Delivery] };
                Effect(procedure.Code, $"the result may be delivered {CatalogWords.Of(allow.Delivery)}");
            }
        }

        EachStep(allow.Procedures, step => step.Reason == PresenceReason.Pickup, alternative);
    }

    public void AllowChannel(AllowChannel allow)
    {
        _change = allow;
        foreach (var procedure in Selected(allow.Procedures).Where(p => !p.Channels.Contains(allow.Channel)).ToList())
        {
            _procedures[procedure.Code] = procedure with { Channels = [.. procedure.Channels, allow.Channel] };
            Effect(procedure.Code, $"may be applied for {CatalogWords.Of(allow.Channel)}");
        }
    }

    public void AddFlow(AddFlow add)
    {
        _change = add;
        var bundle = _bundles.GetValueOrDefault(add.BundleCode)
            ?? throw new ArgumentException($"The catalogue has no bundle '{add.BundleCode}'.", nameof(add));
        if (bundle.Flows.Any(f => f.FromProcedure == add.Flow.FromProcedure && f.ToProcedure == add.Flow.ToProcedure && f.ToMaterial == add.Flow.ToMaterial))
        {
            return;
        }

        _bundles[bundle.Code] = bundle with { Flows = [.. bundle.Flows, add.Flow] };
        Effect(bundle.Code, $"{add.Flow.FromProcedure} passes '{add.Flow.DocumentId}' to {add.Flow.ToProcedure} ({CatalogWords.Of(add.Flow.Via)})");
    }

    public void AddBundle(AddBundle add)
    {
        _change = add;
        if (!_bundles.TryAdd(add.Bundle.Code, add.Bundle))
        {
            throw new ArgumentException($"The catalogue already has a bundle '{add.Bundle.Code}'.", nameof(add));
        }

        Effect(add.Bundle.Code, $"new bundle of {string.Join(", ", add.Bundle.Members.Select(m => m.ProcedureCode))}");
    }

    private static bool Collected(Procedure procedure) =>
        procedure.ResultDelivery.Contains(ResultDelivery.Pickup) || procedure.Presence.Any(s => s.Reason == PresenceReason.Pickup);

    private void EachStep(ProcedureSelection selection, Func<PresenceStep, bool> matches, RemoteAlternative alternative)
    {
        foreach (var procedure in Selected(selection).ToList())
        {
            var changed = false;
            var steps = procedure.Presence.Select(step =>
            {
                if (!matches(step) || step.RemoteAlternative is not null)
                {
                    return step;
                }

                changed = true;
                Effect(procedure.Code, $"step '{step.Id}' may be done remotely: {alternative.Description.EnglishOrText}");
                return step with { RemoteAlternative = alternative };
            }).ToList();
            if (changed)
            {
                _procedures[procedure.Code] = procedure with { Presence = steps };
            }
        }
    }

    private void EachMaterial(string documentId, ProcedureSelection selection, Func<Procedure, Material, Material> change)
    {
        foreach (var procedure in Selected(selection).ToList())
        {
            var changed = false;
            var materials = procedure.Materials.Select(material =>
            {
                if (material.DocumentId != documentId)
                {
                    return material;
                }

                var updated = change(procedure, material);
                changed |= !ReferenceEquals(updated, material);
                return updated;
            }).ToList();
            if (changed)
            {
                _procedures[procedure.Code] = procedure with { Materials = materials };
            }
        }
    }

    // A material no longer asked for cannot be fed by a bundle's flow: the flow goes with it.
    private void DropFlowsInto(string procedureCode, List<string> materials)
    {
        foreach (var bundle in _bundles.Values.ToList())
        {
            var kept = bundle.Flows.Where(f => !(f.ToProcedure == procedureCode && materials.Contains(f.ToMaterial))).ToList();
            if (kept.Count != bundle.Flows.Count)
            {
                _bundles[bundle.Code] = bundle with { Flows = kept };
                Effect(bundle.Code, $"no longer passes a result to {procedureCode} for {string.Join(", ", materials)}");
            }
        }
    }

    private IEnumerable<Procedure> Selected(ProcedureSelection selection)
    {
        if (selection.IsAll)
        {
            return _procedures.Values.OrderBy(p => p.Code, StringComparer.Ordinal);
        }

        return selection.Codes.Select(code => _procedures.GetValueOrDefault(code)
            ?? throw new ArgumentException($"The catalogue has no procedure '{code}'.", nameof(selection)));
    }

    private PolicyCondition Both(PolicyCondition? before, PolicyCondition added)
    {
        if (before is null)
        {
            return added;
        }

        var parsed = ConditionLanguage.Parse($"({before.Text}) and ({added.Text})", catalog.Facts);
        return parsed.Condition is { } both
            ? new PolicyCondition(both, added.Location)
            : throw new ArgumentException($"Cannot combine '{before.Text}' with '{added.Text}': {string.Join("; ", parsed.Errors)}", nameof(added));
    }

    private DocumentType Document(string id) =>
        _documents.GetValueOrDefault(id) ?? throw new ArgumentException($"The catalogue has no document type '{id}'.", nameof(id));

    private void Authority(string id)
    {
        if (!catalog.Authorities.ContainsKey(id))
        {
            throw new ArgumentException($"The catalogue has no authority '{id}'.", nameof(id));
        }
    }

    private void Effect(string target, string description) => Effects.Add(new ReformEffect(reformId, _change, target, description));
}
