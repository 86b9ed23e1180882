namespace OneVisit.Cli.Tests;

/// <summary>
/// A copy of the sample catalogue with a birth bundle (出生一件事) over its four birth procedures, and an application
/// for it: the bundle commands tested apart from the sample's own bundles, which may change.
/// </summary>
internal sealed class BundleCatalogue : IDisposable
{
    /// <summary>The test bundle's code, apart from any code the sample uses.</summary>
    public const string Code = "330100-YJS-9001";

    public const string Bundle = $"""
        code: {Code}
        name: 出生一件事（测试）
        name_en: Newborn (test)
        version: 1
        effective_from: 2016-01-01
        event: {"{"}kind: life, name: 出生, name_en: Birth{"}"}
        lead: hz_health_shangcheng
        members:
          - procedure: 330100-SC-0005
          - procedure: 330100-SC-0006
          - procedure: 330100-SC-0007
          - procedure: 330100-SC-0008
            optional: true
        flows:
          - from: 330100-SC-0005
            to: {"{"}procedure: 330100-SC-0006, material: birth_certificate{"}"}
            via: e_licence
          - from: 330100-SC-0006
            to: {"{"}procedure: 330100-SC-0007, material: household_register{"}"}
            via: e_licence
        form: [child.birth_date, child.born_in_licensed_institution, child.hukou_follows]
        acceptance: {"{"}window: hz_general_window, channels: [window, online]{"}"}
        delivery: unified
        time_limit: {"{"}working_days: 5{"}"}
        """;

    public const string Application = $"""
        bundle: {Code}
        as_of: 2017-02-18
        window: hz_general_window
        facts:
          child.born_in_licensed_institution: true
          child.born_in_joint_service_hospital: false
          child.father_recorded: true
          child.hukou_follows: father
          child.has_local_hukou: true
          child.birth_date: 2017-02-10
          applicant.insured_in_hangzhou: true
        documents:
          - document: resident_id_card
            issued_on: 2012-05-04
            expires_on: 2032-05-04
          - document: social_security_card_application
            electronic: true
        """;

    private readonly CatalogueCopy _copy = new();

    public BundleCatalogue()
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "bundles"));
        File.WriteAllText(System.IO.Path.Combine(Path, "bundles", "test-birth.yaml"), Bundle);
        ApplicationPath = WriteApplication("test-birth-bundle.yaml", Application);
    }

    public string Path => _copy.Path;

    /// <summary>The application for the test bundle.</summary>
    public string ApplicationPath { get; }

    /// <summary>Writes an application file into the copy's applications/ and returns its path.</summary>
    public string WriteApplication(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, "applications", name);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose() => _copy.Dispose();
}
