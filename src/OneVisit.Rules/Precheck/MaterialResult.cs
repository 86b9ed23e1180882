using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck.Internal;

namespace OneVisit.Rules.Precheck;

/// <summary>Where one of the procedure's materials stands for this application.</summary>
public sealed record MaterialResult
{
    /// <summary>The material as the procedure declares it.</summary>
    public required Material Material { get; init; }

    /// <summary>Its document type.</summary>
    public required DocumentType Document { get; init; }

    /// <summary>Its status.</summary>
    public required MaterialStatus Status { get; init; }

    /// <summary>Why it is required (or not), with the rule's position and basis.</summary>
    public required Reason RequiredBecause { get; init; }

    /// <summary>What the applicant is told about it.</summary>
    public required Catalog.LocalizedText Note { get; init; }

    /// <summary>The held document that stands for it, if any.</summary>
    public HeldDocument? Held { get; init; }

    /// <summary>The party whose material it is (男方的身份证), when the procedure has parties.</summary>
    public Party? Party { get; init; }

    /// <summary>The document's name with its party's, as a notice or a guide lists it: 居民身份证（女方）.</summary>
    public Catalog.LocalizedText Name => Party is null
        ? Document.Name
        : new($"{Document.Name.Text}（{Party.Name.Text}）", $"{Document.Name.EnglishOrText} ({Party.Name.EnglishOrText})");

    /// <summary>The form edition current on the as-of date, for forms.</summary>
    public FormVersion? CurrentVersion { get; init; }

    /// <summary>For <see cref="MaterialStatus.Converted"/>: old field name → current field name.</summary>
    public IReadOnlyDictionary<string, string>? FieldMap { get; init; }

    /// <summary>The exemption that spares it, if one does.</summary>
    public Exemption? Exemption { get; init; }

    /// <summary>For <see cref="MaterialStatus.Fetched"/>: the department that answers the evidence request.</summary>
    public Authority? Source { get; init; }

    /// <summary>For <see cref="MaterialStatus.Fetched"/> by a custom rule: where the integrator's own data comes from.</summary>
    public Catalog.LocalizedText? CustomSource { get; init; }

    /// <summary>For <see cref="MaterialStatus.AcceptWithGap"/>: the last day to supply it.</summary>
    public DateOnly? SupplyBy { get; init; }

    /// <summary>
    /// For <see cref="MaterialStatus.AcceptWithGap"/>: what happens when <see cref="SupplyBy"/> passes and the material
    /// has not come (the exemption's <see cref="Catalog.Exemption.OnMissed"/>); null for every other status.
    /// </summary>
    public MissedDeadline? OnMissed { get; init; }

    /// <summary>For <see cref="MaterialStatus.Commitment"/>: the day by which the office verifies the commitment.</summary>
    public DateOnly? VerifyBy { get; init; }

    /// <summary>The material's id.</summary>
    public string Id => Material.Id;

    /// <summary>Who it comes from: the applicant, a commitment, other departments or the office itself.</summary>
    public MaterialClass Class => MaterialClasses.Of(Status);

    /// <summary>Whether the applicant still has to do something about it before or after applying.</summary>
    public bool IsGap => Class == MaterialClass.ToSupply;
}
