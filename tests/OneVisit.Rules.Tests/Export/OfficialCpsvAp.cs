namespace OneVisit.Rules.Tests.Export;

/// <summary>
/// The official CPSV-AP 3.2.0 files (releases/3.2.0 of https://github.com/SEMICeu/CPSV-AP: shacl/cpsv-ap-SHACL.ttl and
/// context/cpsv-ap.jsonld), which OneVisit does not commit (docs/export.md, "Checking the export"): found in the folder
/// ONEVISIT_CPSV_AP_DIR names, else in the ignored tests/OneVisit.Rules.Tests/Export/official/, else beside the
/// repository in the project's shared data (../shared/cpsv-ap/3.2.0/), where the team keeps its copy.
/// </summary>
internal static class OfficialCpsvAp
{
    public const string Variable = "ONEVISIT_CPSV_AP_DIR";

    // Named by the variable, the folder is used even when files are missing, so the tests fail and say so.
    public static string? Folder { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named
        ? named
        : new[]
        {
            Path.Combine(RepositoryRoot.Path, "tests", "OneVisit.Rules.Tests", "Export", "official"),
            Path.Combine(RepositoryRoot.Path, "..", "shared", "cpsv-ap", "3.2.0"),
        }.FirstOrDefault(folder => File.Exists(Shacl(folder)));

    public static string ShaclText => File.ReadAllText(Shacl(Folder!));

    public static string ContextText => File.ReadAllText(Path.Combine(Folder!, "context", "cpsv-ap.jsonld"));

    private static string Shacl(string folder) => Path.Combine(folder, "shacl", "cpsv-ap-SHACL.ttl");
}

/// <summary>A test that reads the official CPSV-AP files; skipped, saying how to get them, where they are not.</summary>
public sealed class OfficialCpsvApFactAttribute : FactAttribute
{
    public OfficialCpsvApFactAttribute()
    {
        if (OfficialCpsvAp.Folder is null)
        {
            Skip = $"The official CPSV-AP 3.2.0 files are not on this machine: copy releases/3.2.0/shacl and releases/3.2.0/context of "
                + $"https://github.com/SEMICeu/CPSV-AP into tests/OneVisit.Rules.Tests/Export/official/ (or ../shared/cpsv-ap/3.2.0/ beside the repository), or name such a folder in {OfficialCpsvAp.Variable}.";
        }
    }
}
