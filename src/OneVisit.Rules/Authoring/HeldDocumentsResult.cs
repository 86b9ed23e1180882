using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Authoring;

/// <summary>What reading documents handed in on their own (<see cref="ApplicationFile.ParseDocuments"/>) produced.</summary>
/// <param name="Documents">The documents, in the order given; null when any error was found.</param>
/// <param name="Diagnostics">Errors and warnings with their positions.</param>
public sealed record HeldDocumentsResult(IReadOnlyList<HeldDocument>? Documents, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the documents were read without errors.</summary>
    public bool Succeeded => Documents is not null;
}
