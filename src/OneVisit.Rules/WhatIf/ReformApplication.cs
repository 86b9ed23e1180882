using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.WhatIf.Internal;

namespace OneVisit.Rules.WhatIf;

/// <summary>
/// Applies reforms to a catalogue, in memory. The result is an ordinary <see cref="ProcedureCatalog"/>, so the same
/// precheck and visit counting serve both sides of a comparison: one code path, two catalogues.
/// </summary>
public static class ReformApplication
{
    /// <summary>
    /// Applies <paramref name="reform"/> to <paramref name="catalog"/>: its changes in the order written, each on what
    /// the ones before it left. A change that finds nothing to change is a warning in
    /// <see cref="ReformedCatalog.Diagnostics"/>, not an error: the reform may be older than the catalogue.
    /// </summary>
    /// <exception cref="ArgumentException">The reform names a document, procedure, authority or bundle the catalogue does not have (read reforms with <c>ReformLoader</c>, which lints them against the catalogue first).</exception>
    public static ReformedCatalog Apply(ProcedureCatalog catalog, Reform reform)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(reform);
        var edit = new CatalogEdit(catalog, reform.Id);
        foreach (var change in reform.Changes)
        {
            var before = edit.Effects.Count;
            Apply(edit, change);
            if (edit.Effects.Count == before)
            {
                edit.Diagnostics.Warning(DiagnosticCodes.ReformChangesNothing, change.Location, NothingChanged(change));
            }
        }

        return new ReformedCatalog(edit.Build(), reform, edit.Effects, edit.Diagnostics.Sorted());
    }

    /// <summary>Applies reforms one on another in the order given; each result is the next one's baseline.</summary>
    public static IReadOnlyList<ReformedCatalog> ApplyInOrder(ProcedureCatalog catalog, IReadOnlyList<Reform> reforms)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(reforms);
        var results = new List<ReformedCatalog>(reforms.Count);
        foreach (var reform in reforms)
        {
            var applied = Apply(results.Count == 0 ? catalog : results[^1].Catalog, reform);
            results.Add(applied);
        }

        return results;
    }

    private static void Apply(CatalogEdit edit, ReformChange change)
    {
        switch (change)
        {
            case ShareDocument share:
                edit.Share(share);
                break;
            case DropMaterial drop:
                edit.Drop(drop);
                break;
            case AddExemption exemption:
                edit.AddExemption(exemption);
                break;
            case AddRemoteAlternative alternative:
                edit.AddRemoteAlternative(alternative);
                break;
            case AllowDelivery delivery:
                edit.AllowDelivery(delivery);
                break;
            case AllowChannel channel:
                edit.AllowChannel(channel);
                break;
            case AddFlow flow:
                edit.AddFlow(flow);
                break;
            case AddBundle bundle:
                edit.AddBundle(bundle);
                break;
            default:
                throw new ArgumentException($"Unknown kind of reform change: {change.GetType().Name}.", nameof(change));
        }
    }

    private static string NothingChanged(ReformChange change) => change switch
    {
        ShareDocument s => $"Nothing to change: '{s.DocumentId}' is already shared{(s.Consumers.IsAll ? "" : $" with {s.Consumers}")}, and every consumer already fetches it.",
        DropMaterial d => $"Nothing to change: no procedure{(d.Procedures.IsAll ? "" : $" of {d.Procedures}")} asks for '{d.DocumentId}'{(d.OnlyWhen is null ? "" : " unconditionally")}.",
        AddExemption e => $"Nothing to change: every material '{e.DocumentId}'{(e.Procedures.IsAll ? "" : $" of {e.Procedures}")} already has a {CatalogWords.Of(e.Exemption.Kind)} exemption.",
        AddRemoteAlternative r => $"Nothing to change: no {CatalogWords.Of(r.Reason)} step{(r.StepId is null ? "" : $" '{r.StepId}'")}{(r.Procedures.IsAll ? "" : $" in {r.Procedures}")} lacks a remote alternative.",
        AllowDelivery a => $"Nothing to change: every procedure{(a.Procedures.IsAll ? " whose result is collected" : $" of {a.Procedures}")} already delivers {CatalogWords.Of(a.Delivery)}.",
        AllowChannel c => $"Nothing to change: every procedure{(c.Procedures.IsAll ? "" : $" of {c.Procedures}")} can already be applied for {CatalogWords.Of(c.Channel)}.",
        AddFlow f => $"Nothing to change: bundle {f.BundleCode} already passes '{f.Flow.DocumentId}' from {f.Flow.FromProcedure} to {f.Flow.ToProcedure}.",
        _ => "Nothing to change.",
    };
}
