namespace OneVisit.Workflows.Storage;

/// <summary>
/// Every procedure version a case ever ran on, as serialized terms, so a restart can resume cases of a version
/// the catalogue has since replaced.
/// </summary>
internal interface IProcedureVersionStore
{
    /// <summary>Remembers a version once; a second save of the same code and version changes nothing.</summary>
    Task SaveTermsAsync(string code, int version, string terms, CancellationToken cancellationToken);

    /// <summary>Every remembered version, by code (ordinal) then version (numeric).</summary>
    Task<List<string>> AllTermsAsync(CancellationToken cancellationToken);
}
