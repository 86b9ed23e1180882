using OneVisit.Rules.Catalog;
using OneVisit.Rules.Catalog.Internal;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>Who a material comes from, for the precheck's gaps and the guide's lists: one answer for both.</summary>
internal enum MaterialClass
{
    /// <summary>Not required in this situation.</summary>
    NotRequired,

    /// <summary>Whether it is required or spared waits for an open question.</summary>
    Undecided,

    /// <summary>The applicant still has to supply it: missing, outdated, or accepted now and supplied later.</summary>
    ToSupply,

    /// <summary>The applicant holds it (as is, or in an older edition that is converted).</summary>
    Held,

    /// <summary>A signed commitment stands for it.</summary>
    Commitment,

    /// <summary>Fetched from another department (data sharing, an e-licence, the integrator's own data).</summary>
    FromDepartments,

    /// <summary>The office prepares it itself: neither submitted by the applicant nor fetched from a department.</summary>
    Generated,
}

/// <summary>Decides a material's class and status where the precheck and the service guide both need it.</summary>
internal static class MaterialClasses
{
    public static MaterialClass Of(MaterialStatus status) => status switch
    {
        MaterialStatus.NotRequired => MaterialClass.NotRequired,
        MaterialStatus.Undecided => MaterialClass.Undecided,
        MaterialStatus.Missing or MaterialStatus.Outdated or MaterialStatus.AcceptWithGap => MaterialClass.ToSupply,
        MaterialStatus.Held or MaterialStatus.Converted => MaterialClass.Held,
        MaterialStatus.Commitment => MaterialClass.Commitment,
        MaterialStatus.Fetched or MaterialStatus.ELicence => MaterialClass.FromDepartments,
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
