using OneVisit.Rules.Catalog;

namespace OneVisit.Benchmarks.Synthetic;

/// <summary>An edition of a synthetic form, with the last day it is accepted written out.</summary>
internal sealed record VersionSpec(string Version, DateOnly EffectiveFrom, DateOnly? AcceptedUntil, string? ConvertsFrom);

/// <summary>A document type of the synthetic catalogue.</summary>
internal sealed record DocumentSpec(string Id, DocumentIssuer Issuer, string? IssuedBy, bool ELicence, bool Evidence, bool Expires, VersionSpec[] Versions)
{
    /// <summary>The edition current on <paramref name="asOf"/> (the latest already in effect), or null for a document that is no form.</summary>
    public VersionSpec? Current(DateOnly asOf) => Versions.LastOrDefault(v => v.EffectiveFrom <= asOf);

    /// <summary>Whether edition <paramref name="version"/> is accepted on <paramref name="asOf"/>.</summary>
    public bool Accepts(string version, DateOnly asOf)
    {
        var i = Array.FindIndex(Versions, v => v.Version == version);
        var until = Versions[i].AcceptedUntil ?? (i + 1 < Versions.Length ? Versions[i + 1].EffectiveFrom.AddDays(-1) : null);
        return Versions[i].EffectiveFrom <= asOf && (until is null || asOf <= until);
    }
}

/// <summary>An exemption of a material; <see cref="When"/> is a condition index, or -1 for "always".</summary>
internal sealed record ExemptionSpec(ExemptionKind Kind, int When, int DeadlineWorkingDays);

/// <summary>A material; <see cref="RequiredWhen"/> is a condition index, or -1 for "always required".</summary>
internal sealed record MaterialSpec(DocumentSpec Document, int RequiredWhen, MaterialForm Form, int Copies, ExemptionSpec[] Exemptions);

/// <summary>A jurisdiction row: when condition <see cref="When"/> holds, <see cref="Authority"/> decides.</summary>
internal sealed record JurisdictionSpec(int When, string Authority);

/// <summary>A presence step and its remote alternative (condition indices; -1: always needed, no alternative).</summary>
internal sealed record PresenceSpec(string Id, PresenceReason Reason, int When, int RemoteWhen);

/// <summary>
/// One generated procedure, as the generator knows it before any YAML is written: every condition once, in
/// <see cref="Conditions"/>, and the parts that refer to them by index. The YAML writer, the hand-written
/// baseline and the RulesEngine workflow are all made from this.
/// </summary>
internal sealed record ProcedureSpec(
    string Code,
    SyntheticCondition[] Conditions,
    int[] Eligibility,
    JurisdictionSpec[] Jurisdiction,
    string DefaultAuthority,
    MaterialSpec[] Materials,
    PresenceSpec[] Presence,
    FactSpec[] Facts);
