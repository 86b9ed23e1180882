using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Catalog;

/// <summary>In what form a material is handed in.</summary>
public enum MaterialForm
{
    /// <summary>原件: the original.</summary>
    Original,

    /// <summary>复印件: a copy.</summary>
    Copy,

    /// <summary>电子: electronic.</summary>
    Electronic,
}

/// <summary>Ways a material may be spared from the applicant.</summary>
public enum ExemptionKind
{
    /// <summary>共享免提交: the office fetches it from the issuing department's data.</summary>
    DataSharing,

    /// <summary>电子证照: an e-licence stands for it.</summary>
    ELicence,

    /// <summary>告知承诺: a signed commitment replaces it, verified later.</summary>
    Commitment,

    /// <summary>容缺受理: accepted now, supplied later by a deadline.</summary>
    AcceptWithGap,
}

/// <summary>How a material may be exempted, and under what condition.</summary>
/// <param name="Kind">The kind of exemption.</param>
/// <param name="When">When it is allowed; always when null.</param>
/// <param name="DeadlineWorkingDays">For accept-with-gap: working days to supply the material.</param>
/// <param name="VerifyWithinDays">For a commitment: days within which the office verifies it.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record Exemption(ExemptionKind Kind, PolicyCondition? When, int? DeadlineWorkingDays, int? VerifyWithinDays, SourceLocation Location)
{
    /// <summary>
    /// For accept-with-gap: what happens when the deadline passes and the material has not come. The application is
    /// withdrawn (终止办理) unless the catalogue says <c>on_missed: officer_decides</c>.
    /// </summary>
    public MissedDeadline OnMissed { get; init; } = MissedDeadline.Withdraw;
}

/// <summary>A material (申请材料) a procedure requires, when, and how it may be exempted.</summary>
/// <param name="Id">Unique within the procedure.</param>
/// <param name="DocumentId">The document type.</param>
/// <param name="RequiredWhen">When it is required; always when null.</param>
/// <param name="Copies">How many copies.</param>
/// <param name="Form">Original, copy or electronic.</param>
/// <param name="Exemptions">How it may be spared, in order of preference.</param>
/// <param name="AcceptedFormVersions">Accepted form editions; empty means any edition within its accepted window.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record Material(
    string Id,
    string DocumentId,
    PolicyCondition? RequiredWhen,
    int Copies,
    MaterialForm Form,
    IReadOnlyList<Exemption> Exemptions,
    IReadOnlyList<string> AcceptedFormVersions,
    SourceLocation Location)
{
    /// <summary>The party whose material it is (each party's own ID card); null when it is the applicant's, or the procedure has no parties.</summary>
    public string? Party { get; init; }
}
