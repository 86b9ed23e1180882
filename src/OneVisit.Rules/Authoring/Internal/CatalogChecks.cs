using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>
/// Checks that need several files at once: what a material's exemptions and versions ask of its document, and
/// whose a material is when a procedure has several parties.
/// </summary>
internal static class CatalogChecks
{
    public static void Run(IReadOnlyList<DocumentType> documents, IReadOnlyList<Procedure> procedures, DiagnosticBag diagnostics)
    {
        var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var procedure in procedures)
        {
            foreach (var material in procedure.Materials)
            {
                if (byId.TryGetValue(material.DocumentId, out var document))
                {
                    CheckMaterial(material, document, diagnostics);
                }
            }
        }

        CheckPartyMaterials(procedures, diagnostics);
    }

    /// <summary>
    /// A document some procedure gives to a party (a resident ID card) is a person's own: in a procedure with parties,
    /// a material of it that names no party leaves open whose card serves, and one card would serve for two people.
    /// </summary>
    private static void CheckPartyMaterials(IReadOnlyList<Procedure> procedures, DiagnosticBag diagnostics)
    {
        var personal = procedures.SelectMany(p => p.Materials.Where(m => m.Party is not null).Select(m => (Document: m.DocumentId, Procedure: p.Code, Party: m.Party!)))
            .DistinctBy(x => x.Document)
            .ToDictionary(x => x.Document, StringComparer.Ordinal);
        foreach (var procedure in procedures.Where(p => p.Parties.Count > 0))
        {
            foreach (var material in procedure.Materials.Where(m => m.Party is null && personal.ContainsKey(m.DocumentId)))
            {
                var example = personal[material.DocumentId];
                diagnostics.Warning(DiagnosticCodes.PartyMaterialWithoutParty, material.Location,
                    $"Procedure {procedure.Code} involves parties ({string.Join(", ", procedure.Parties)}), but material '{material.Id}' belongs to none, though a '{material.DocumentId}' is a person's own (procedure {example.Procedure} gives it to party '{example.Party}'). Say whose it is with 'party:', one material per party if each brings their own.");
            }
        }
    }

    private static void CheckMaterial(Material material, DocumentType document, DiagnosticBag diagnostics)
    {
        foreach (var exemption in material.Exemptions)
        {
            if (exemption.Kind == ExemptionKind.DataSharing && document.Evidence.Count == 0)
            {
                diagnostics.Error(DiagnosticCodes.ExemptionNotPossible, exemption.Location,
                    $"Material '{material.Id}' allows data_sharing, but document '{document.Id}' has no 'evidence' source to fetch it from. Add one in documents.yaml, or remove this exemption.");
            }

            if (exemption.Kind == ExemptionKind.ELicence && !document.HasELicence)
            {
                diagnostics.Error(DiagnosticCodes.ExemptionNotPossible, exemption.Location,
                    $"Material '{material.Id}' allows e_licence, but document '{document.Id}' has no e-licence. Set 'e_licence: true' in documents.yaml if one exists, or remove this exemption.");
            }
        }

        if (material.AcceptedFormVersions.Count > 0 && document.FormVersions.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.FormVersionsNotApplicable, material.Location,
                $"Material '{material.Id}' names form versions, but document '{document.Id}' has no 'form_versions'. Declare them in documents.yaml, or remove 'form_versions' here.");
        }
    }
}
