namespace OneVisit.Rules.WhatIf;

/// <summary>One thing a reform's change did to the catalogue, for the report and for policy staff to check.</summary>
/// <param name="ReformId">The reform.</param>
/// <param name="Change">The change that did it.</param>
/// <param name="Target">What it changed: a procedure's code, a document's id or a bundle's code.</param>
/// <param name="Description">What it did, in words (English, the catalogue's ids).</param>
public sealed record ReformEffect(string ReformId, ReformChange Change, string Target, string Description)
{
    /// <inheritdoc />
    public override string ToString() => $"{ReformId}: {Target}: {Description}";
}
