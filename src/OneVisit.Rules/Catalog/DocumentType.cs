using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Catalog;

/// <summary>Who issues a document.</summary>
public enum DocumentIssuer
{
    /// <summary>Another department issues it (a licence, a certificate).</summary>
    Authority,

    /// <summary>The applicant writes or brings it (a lease, a photo).</summary>
    Applicant,

    /// <summary>The office generates it itself (a prefilled form, an inspection record).</summary>
    Government,
}

/// <summary>A department whose system can issue a document on request, and the regions it covers.</summary>
/// <param name="AuthorityId">The authority that answers the evidence request.</param>
/// <param name="Regions">Region paths it can answer for; a region covers its sub-regions.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record EvidenceSource(string AuthorityId, IReadOnlyList<string> Regions, SourceLocation Location)
{
    /// <summary>Whether this source can answer for a subject in <paramref name="region"/>.</summary>
    public bool Covers(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        foreach (var r in Regions)
        {
            if (region.StartsWith(r, StringComparison.Ordinal) && (region.Length == r.Length || region[r.Length] == '/'))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One edition of a form, with the days it is current and accepted.</summary>
/// <param name="Version">The edition's name, e.g. <c>2012</c>.</param>
/// <param name="EffectiveFrom">First day it is current.</param>
/// <param name="EffectiveUntil">Last day it is current; null while it still is (or until the next edition).</param>
/// <param name="AcceptedUntil">Last day it is still accepted; null means as long as it is current.</param>
/// <param name="ConvertsFrom">For older editions: how their fields map to this edition's fields.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record FormVersion(
    string Version,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveUntil,
    DateOnly? AcceptedUntil,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ConvertsFrom,
    SourceLocation Location);

/// <summary>A type of document that procedures ask for.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Issuer">Who issues it.</param>
/// <param name="IssuedBy">The issuing authority when <paramref name="Issuer"/> is <see cref="DocumentIssuer.Authority"/>.</param>
/// <param name="HasELicence">Whether an e-licence (电子证照) of it exists.</param>
/// <param name="Evidence">Sources that can issue it on request (data sharing).</param>
/// <param name="FormVersions">Editions, oldest first; empty for documents that are not forms.</param>
/// <param name="Location">Where it was declared.</param>
public sealed record DocumentType(
    string Id,
    LocalizedText Name,
    DocumentIssuer Issuer,
    string? IssuedBy,
    bool HasELicence,
    IReadOnlyList<EvidenceSource> Evidence,
    IReadOnlyList<FormVersion> FormVersions,
    SourceLocation Location)
{
    /// <summary>The edition current on <paramref name="date"/>, or null.</summary>
    public FormVersion? CurrentVersion(DateOnly date)
    {
        for (var i = FormVersions.Count - 1; i >= 0; i--)
        {
            var version = FormVersions[i];
            if (version.EffectiveFrom <= date && (EffectiveUntil(i) is not { } until || date <= until))
            {
                return version;
            }
        }

        return null;
    }

    /// <summary>The last day edition <paramref name="index"/> is current: as declared, else the day before the next edition.</summary>
    public DateOnly? EffectiveUntil(int index) =>
        FormVersions[index].EffectiveUntil
        ?? (index + 1 < FormVersions.Count ? FormVersions[index + 1].EffectiveFrom.AddDays(-1) : null);

    /// <summary>The last day edition <paramref name="index"/> is accepted: as declared, else while current.</summary>
    public DateOnly? AcceptedUntil(int index) => FormVersions[index].AcceptedUntil ?? EffectiveUntil(index);
}
