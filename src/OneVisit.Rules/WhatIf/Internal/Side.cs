using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.WhatIf.Internal;

/// <summary>What one situation comes to under one catalogue: its trips, whether it may go ahead, where, and what the citizen brings.</summary>
internal readonly record struct Side(int Visits, bool Eligible, string Authority, IReadOnlySet<(string Document, string? Party)> Asked)
{
    public static Side Of(PrecheckResult result) => new(
        result.Visits.Count,
        result.Verdict != Verdict.NotEligible,
        result.Routing.Authority.Id,
        result.Materials.Where(m => IsAsked(m.Class)).Select(m => (m.Document.Id, m.Party?.Id)).ToHashSet());

    public static Side Of(BundlePrecheckResult result) => new(
        result.Visits.Count,
        result.Verdict != Verdict.NotEligible,
        result.Bundle.LeadAuthorityId,
        result.Materials.Where(m => IsAsked(Precheck.Internal.MaterialClasses.Of(m.Status))).Select(m => (m.Document.Id, m.Party?.Id)).ToHashSet());

    // What the citizen brings or may have to: still to supply, held (handed in), or waiting on a question (counted, as visits are).
    private static bool IsAsked(MaterialClass kind) => kind is MaterialClass.ToSupply or MaterialClass.Held or MaterialClass.Undecided;
}
