using OneVisit.Rules.Catalog;
using OneVisit.Rules.Catalog.Internal;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>Decides a material's class, and the statuses the visit planner reasons with.</summary>
internal static class MaterialClasses
{
    public static MaterialClass Of(MaterialStatus status) => status switch
    {
        MaterialStatus.NotRequired => MaterialClass.NotRequired,
        MaterialStatus.Undecided => MaterialClass.Undecided,
        MaterialStatus.Missing or MaterialStatus.Outdated or MaterialStatus.AcceptWithGap => MaterialClass.ToSupply,
        MaterialStatus.Held or MaterialStatus.Converted => MaterialClass.Held,
        MaterialStatus.Commitment => MaterialClass.Commitment,
        MaterialStatus.Fetched or MaterialStatus.ELicence or MaterialStatus.PassedOn => MaterialClass.FromDepartments,
        MaterialStatus.Generated => MaterialClass.Generated,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>
    /// The status a required material has when nothing is held and no exemption is known to apply: the general
    /// guide's worst case. The office's own documents are generated; everything else is to be brought.
    /// </summary>
    public static MaterialStatus WorstCase(DocumentType document) => OfficeDocuments.IsGenerated(document) ? MaterialStatus.Generated : MaterialStatus.Missing;

    /// <summary>An original the applicant still has to show on paper: held on paper, or not yet obtained.</summary>
    public static bool NeedsPaperOriginal(Material material, MaterialStatus status, HeldDocument? held) =>
        material.Form == MaterialForm.Original
        && status switch
        {
            MaterialStatus.Held or MaterialStatus.Converted => held is { Electronic: false },
            MaterialStatus.Missing or MaterialStatus.Outdated or MaterialStatus.Undecided => true,
            _ => false,
        };
}
