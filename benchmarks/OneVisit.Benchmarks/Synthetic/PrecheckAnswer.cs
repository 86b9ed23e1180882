using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Benchmarks.Synthetic;

/// <summary>
/// The part of a precheck's answer that every contender computes, so they can be compared application by
/// application: eligibility, the competent authority, each material's status, the visits and the verdict.
/// </summary>
internal sealed record PrecheckAnswer(bool Eligible, string Authority, MaterialStatus[] Materials, int Visits, Verdict Verdict)
{
    /// <summary>The same projection of OneVisit's full result.</summary>
    public static PrecheckAnswer Of(PrecheckResult result) => new(
        result.Eligibility.Eligible == Truth.True,
        result.Routing.Authority.Id,
        [.. result.Materials.Select(m => m.Status)],
        result.Visits.Count,
        result.Verdict);

    /// <summary>
    /// The answer from the outcome of each of the procedure's conditions (<paramref name="holds"/>, by index), with
    /// the catalogue's rules for held documents, exemptions and visits written out by hand (see docs/precheck.md).
    /// </summary>
    public static PrecheckAnswer Resolve(ProcedureSpec procedure, bool[] holds, HeldDocument[] documents)
    {
        var eligible = true;
        foreach (var rule in procedure.Eligibility)
        {
            eligible &= !holds[rule];
        }

        var authority = procedure.DefaultAuthority;
        foreach (var row in procedure.Jurisdiction)
        {
            if (holds[row.When])
            {
                authority = row.Authority;
                break;
            }
        }

        var statuses = new MaterialStatus[procedure.Materials.Length];
        var gap = false;
        for (var i = 0; i < statuses.Length; i++)
        {
            var material = procedure.Materials[i];
            statuses[i] = material.RequiredWhen >= 0 && !holds[material.RequiredWhen] ? MaterialStatus.NotRequired : Supply(material, holds, documents);
            gap |= statuses[i] is MaterialStatus.Missing or MaterialStatus.Outdated;
        }

        var visits = 0;
        foreach (var step in procedure.Presence)
        {
            if ((step.When < 0 || holds[step.When]) && !(step.RemoteWhen >= 0 && holds[step.RemoteWhen]))
            {
                visits = 1;
            }
        }

        var verdict = !eligible ? Verdict.NotEligible : gap ? Verdict.NotYet : visits == 0 ? Verdict.Online : Verdict.OneVisit;
        return new PrecheckAnswer(eligible, authority, statuses, visits, verdict);
    }

    /// <summary>Whether two answers agree; <see cref="Difference"/> says where they do not.</summary>
    public bool SameAs(PrecheckAnswer other) => Difference(other) is null;

    /// <summary>The first part in which the answers differ, or null.</summary>
    public string? Difference(PrecheckAnswer other)
    {
        var material = Enumerable.Range(0, Math.Max(Materials.Length, other.Materials.Length))
            .FirstOrDefault(i => i >= Materials.Length || i >= other.Materials.Length || Materials[i] != other.Materials[i], -1);
        return (Eligible != other.Eligible, Authority != other.Authority, material >= 0, Visits != other.Visits, Verdict != other.Verdict) switch
        {
            (true, _, _, _, _) => $"eligible {Eligible} vs {other.Eligible}",
            (_, true, _, _, _) => $"authority {Authority} vs {other.Authority}",
            (_, _, true, _, _) => $"material {material}: {string.Join(",", Materials)} vs {string.Join(",", other.Materials)}",
            (_, _, _, true, _) => $"visits {Visits} vs {other.Visits}",
            (_, _, _, _, true) => $"verdict {Verdict} vs {other.Verdict}",
            _ => null,
        };
    }

    private enum Held
    {
        None,
        Expired,
        Outdated,
        Converted,
        Accepted,
    }

    private static MaterialStatus Supply(MaterialSpec material, bool[] holds, HeldDocument[] documents)
    {
        var document = material.Document;
        var held = Held.None;
        foreach (var h in documents)
        {
            if (h.DocumentId == document.Id && Assess(document, h) is var state && state > held)
            {
                held = state;
            }
        }

        if (held is Held.Accepted or Held.Converted)
        {
            return held == Held.Accepted ? MaterialStatus.Held : MaterialStatus.Converted;
        }

        foreach (var exemption in material.Exemptions)
        {
            if (exemption.When < 0 || holds[exemption.When])
            {
                // Every evidence source covers the whole province, so data sharing always answers; the generator
                // offers e-licence exemptions only for documents that have one.
                return exemption.Kind switch
                {
                    ExemptionKind.DataSharing => MaterialStatus.Fetched,
                    ExemptionKind.ELicence => MaterialStatus.ELicence,
                    ExemptionKind.Commitment => MaterialStatus.Commitment,
                    _ => MaterialStatus.AcceptWithGap,
                };
            }
        }

        return document.Issuer == DocumentIssuer.Government ? MaterialStatus.Generated
            : held == Held.Outdated ? MaterialStatus.Outdated
            : MaterialStatus.Missing;
    }

    private static Held Assess(DocumentSpec document, HeldDocument held)
    {
        var asOf = SyntheticCatalogue.AsOf;
        if (held.ExpiresOn is { } expires && expires < asOf)
        {
            return Held.Expired;
        }

        if (document.Current(asOf) is not { } current)
        {
            return Held.Accepted;
        }

        var version = held.FormVersion ?? current.Version;
        return document.Accepts(version, asOf) ? Held.Accepted
            : current.ConvertsFrom == version ? Held.Converted
            : Held.Outdated;
    }
}
