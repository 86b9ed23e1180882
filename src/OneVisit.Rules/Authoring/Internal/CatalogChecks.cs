using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>Checks that need several files at once: what a material's exemptions and versions ask of its document.</summary>
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
