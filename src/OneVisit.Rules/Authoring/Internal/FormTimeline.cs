using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>
/// Checks a form's editions as a timeline: in order, none current on the same day as another (overlap), and
/// no day after the first on which no edition is accepted (gap). Grace periods are fine.
/// </summary>
internal static class FormTimeline
{
    public static void Check(DocumentType document, References references, DiagnosticBag diagnostics)
    {
        var versions = document.FormVersions;
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            var until = document.EffectiveUntil(i);
            var accepted = document.AcceptedUntil(i);
            if (until is { } u && u < version.EffectiveFrom)
            {
                diagnostics.Error(DiagnosticCodes.InvalidDateRange, version.Location,
                    $"Form version '{version.Version}' of '{document.Id}' stops being current ({u:yyyy-MM-dd}) before it starts ({version.EffectiveFrom:yyyy-MM-dd}).");
            }

            if (accepted is { } a && version.EffectiveUntil is { } cu && a < cu)
            {
                diagnostics.Error(DiagnosticCodes.InvalidDateRange, version.Location,
                    $"Form version '{version.Version}' of '{document.Id}' stops being accepted ({a:yyyy-MM-dd}) while it is still current (until {cu:yyyy-MM-dd}); 'accepted_until' must be on or after 'effective_until'.");
            }

            foreach (var from in version.ConvertsFrom.Keys)
            {
                references.Expect("form version", from, version.Location, scope: document.Id);
            }

            if (i + 1 < versions.Count)
            {
                CheckNext(document, i, diagnostics);
            }
        }
    }

    private static void CheckNext(DocumentType document, int i, DiagnosticBag diagnostics)
    {
        var version = document.FormVersions[i];
        var next = document.FormVersions[i + 1];
        if (next.EffectiveFrom <= version.EffectiveFrom)
        {
            diagnostics.Error(DiagnosticCodes.FormVersionOverlap, next.Location,
                $"Form version '{next.Version}' of '{document.Id}' starts on {next.EffectiveFrom:yyyy-MM-dd}, not after '{version.Version}' ({version.EffectiveFrom:yyyy-MM-dd}); list editions oldest first, each starting later.");
            return;
        }

        if (version.EffectiveUntil is { } until && until >= next.EffectiveFrom)
        {
            diagnostics.Error(DiagnosticCodes.FormVersionOverlap, next.Location,
                $"Form versions '{version.Version}' (current until {until:yyyy-MM-dd}) and '{next.Version}' (current from {next.EffectiveFrom:yyyy-MM-dd}) of '{document.Id}' are both current on {next.EffectiveFrom:yyyy-MM-dd}. Use 'accepted_until' for a grace period instead.");
        }

        if (document.AcceptedUntil(i) is { } accepted && accepted.AddDays(1) < next.EffectiveFrom)
        {
            diagnostics.Error(DiagnosticCodes.FormVersionGap, next.Location,
                $"No version of '{document.Id}' is accepted from {accepted.AddDays(1):yyyy-MM-dd} to {next.EffectiveFrom.AddDays(-1):yyyy-MM-dd}: '{version.Version}' is accepted until {accepted:yyyy-MM-dd} and '{next.Version}' starts on {next.EffectiveFrom:yyyy-MM-dd}.");
        }
    }
}
