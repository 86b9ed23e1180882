using System.Collections.Frozen;

namespace OneVisit.Rules.Catalog;

/// <summary>
/// A loaded, checked catalogue: the fact schema, authorities, documents, procedures and bundles. Immutable; load one with
/// <c>Authoring.CatalogLoader</c> (named, not linked: the model knows nothing of the YAML reader above it).
/// </summary>
public sealed class ProcedureCatalog
{
    /// <summary>Assembles a catalogue from checked parts; ids must be unique (the loader guarantees it).</summary>
    public ProcedureCatalog(
        CatalogInfo info,
        FactSchema facts,
        IReadOnlyList<Authority> authorities,
        IReadOnlyList<DocumentType> documents,
        IReadOnlyList<Procedure> procedures,
        IReadOnlyList<Bundle>? bundles = null)
    {
        Info = info ?? throw new ArgumentNullException(nameof(info));
        Facts = facts ?? throw new ArgumentNullException(nameof(facts));
        Authorities = authorities.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);
        Windows = authorities.SelectMany(a => a.Windows).ToFrozenDictionary(w => w.Id, StringComparer.Ordinal);
        Documents = documents.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
        Procedures = procedures.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        Bundles = (bundles ?? []).ToFrozenDictionary(b => b.Code, StringComparer.Ordinal);
        Parties = info.Parties.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>What <c>catalog.yaml</c> says.</summary>
    public CatalogInfo Info { get; }

    /// <summary>The facts conditions may use.</summary>
    public FactSchema Facts { get; }

    /// <summary>Authorities by id.</summary>
    public FrozenDictionary<string, Authority> Authorities { get; }

    /// <summary>Intake windows by id, across all authorities.</summary>
    public FrozenDictionary<string, Window> Windows { get; }

    /// <summary>Document types by id.</summary>
    public FrozenDictionary<string, DocumentType> Documents { get; }

    /// <summary>Procedures by code.</summary>
    public FrozenDictionary<string, Procedure> Procedures { get; }

    /// <summary>Life- and business-event bundles (一件事) by code.</summary>
    public FrozenDictionary<string, Bundle> Bundles { get; }

    /// <summary>The parties procedures may involve, by id.</summary>
    public FrozenDictionary<string, Party> Parties { get; }

    /// <summary>
    /// The zone the offices count days in: the catalogue's <c>time_zone</c>, or else the clock's local zone.
    /// A server kept on UTC then still ends a Hangzhou deadline at midnight in Hangzhou.
    /// </summary>
    public TimeZoneInfo TimeZone(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Info.TimeZone ?? time.LocalTimeZone;
    }

    /// <summary>Today's date at the offices.</summary>
    public DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZone(time)).DateTime);
}
