using OneVisit.Rules.Catalog;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>Copies what a case needs of a procedure version (see <see cref="CaseTerms"/>).</summary>
internal static class CaseTermsFactory
{
    public static CaseTerms From(Procedure procedure, IReadOnlyDictionary<string, DocumentType> documents) => new()
    {
        Code = procedure.Code,
        Version = procedure.Version,
        Name = procedure.Name.Text,
        NameEn = procedure.Name.English,
        StatutoryDays = procedure.TimeLimits.Statutory?.Days,
        StatutoryWorkingDays = procedure.TimeLimits.Statutory?.WorkingDays ?? true,
        PromisedDays = procedure.TimeLimits.Promised?.Days,
        PromisedWorkingDays = procedure.TimeLimits.Promised?.WorkingDays ?? true,
        Deliveries = [.. procedure.ResultDelivery],
        CommitmentAllowed = procedure.Materials
            .SelectMany(m => m.Exemptions.Where(e => e.Kind == ExemptionKind.Commitment).Take(1).Select(e => (m.Id, e.VerifyWithinDays)))
            .ToDictionary(x => x.Id, x => x.VerifyWithinDays),
        MayFetch = procedure.Materials.Any(m => m.Exemptions.Any(e => e.Kind is ExemptionKind.DataSharing or ExemptionKind.ELicence)),
        MayPickup = procedure.ResultDelivery.Contains(ResultDelivery.Pickup),
        Purpose = $"{procedure.Code} {procedure.Name.Text}; " + string.Join("; ", procedure.LegalBasis.Select(b => b.ToString())),
        SupplementWorkingDays = procedure.Supplement?.WorkingDays,
        SupplementOnMissed = CatalogWords.Of(procedure.Supplement?.OnMissed ?? MissedDeadline.Withdraw),
        MayGap = procedure.Materials.Any(m => m.Exemptions.Any(e => e.Kind == ExemptionKind.AcceptWithGap)),
        DocumentNames = procedure.Materials
            .Where(m => documents.ContainsKey(m.DocumentId))
            .ToDictionary(m => m.Id, m => documents[m.DocumentId].Name.Text),
        DocumentNamesEn = procedure.Materials
            .Where(m => documents.GetValueOrDefault(m.DocumentId)?.Name.English is not null)
            .ToDictionary(m => m.Id, m => documents[m.DocumentId].Name.English!),
    };

}
