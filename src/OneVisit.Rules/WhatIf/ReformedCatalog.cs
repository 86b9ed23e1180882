using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.WhatIf;

/// <summary>A catalogue with a reform applied: an ordinary catalogue, what the reform did to it, and changes that did nothing.</summary>
/// <param name="Catalog">The reformed catalogue, in memory; the catalogue's files are untouched.</param>
/// <param name="Reform">The reform applied.</param>
/// <param name="Effects">Everything the reform changed, in the order of its changes.</param>
/// <param name="Diagnostics">Warnings at the changes that found nothing to change (already shared, no such material in the procedures named).</param>
public sealed record ReformedCatalog(ProcedureCatalog Catalog, Reform Reform, IReadOnlyList<ReformEffect> Effects, IReadOnlyList<Diagnostic> Diagnostics);
