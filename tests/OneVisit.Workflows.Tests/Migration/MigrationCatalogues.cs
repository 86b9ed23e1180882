using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Migration;

/// <summary>
/// The sample catalogue with version 1 of the branch registration (errand 1) as the cases start on it, and version 2
/// as the law changed it while they were open: each test writes the changes it is about.
/// </summary>
internal static class MigrationCatalogues
{
    public const string Code = "330100-SC-0001";
    public const string Procedure = "procedures/330100-sc-0001-branch-registration.yaml";

    private const string LeaseDocument = """
          - id: lease_contract
            name: 房屋租赁合同
            name_en: Lease contract
            issuer: applicant

        """;

    /// <summary>Version 1, with the lease contract as a form in its 2014 edition (so a held lease has an edition to change).</summary>
    public static TempCatalogue Version1()
    {
        var catalogue = TempCatalogue.Copy(RepositoryRoot.SampleCatalogue);
        catalogue.Edit("documents.yaml", t => t.Replace(LeaseDocument, LeaseDocument.TrimEnd('\n') + "\n" + """
                form_versions:
                  - version: "2014"
                    effective_from: 2014-01-01

            """));
        return catalogue;
    }

    /// <summary>
    /// Version 1 with nothing fetched or spared: every material is the applicant's to bring, so its workflow has no
    /// parallel branches after acceptance (version 2, as the sample has it, fetches four documents).
    /// </summary>
    public static TempCatalogue Version1WithoutFetching()
    {
        var catalogue = Version1();
        catalogue.Edit(Procedure, t => System.Text.RegularExpressions.Regex.Replace(t, @"    exemptions:\n(?:      .*\n)+", ""));
        File.Delete(Path.Combine(catalogue.Path, "tests", "01-branch-registration.yaml"));
        return catalogue;
    }

    /// <summary>Version 2 of the procedure, in force on the harness's morning, with <paramref name="changes"/> applied to its file.</summary>
    public static TempCatalogue Version2(params Func<string, string>[] changes)
    {
        var catalogue = Version1();

        // The catalogue's own tests pin version 1's materials; version 2 is checked by these tests instead.
        File.Delete(Path.Combine(catalogue.Path, "tests", "01-branch-registration.yaml"));
        catalogue.Edit(Procedure, t =>
        {
            t = t.Replace("version: 1\neffective_from: 2016-03-01", "version: 2\neffective_from: 2017-02-20");
            foreach (var change in changes)
            {
                var changed = change(t);
                Assert.NotEqual(t, changed);
                t = changed;
            }

            return t;
        });
        return catalogue;
    }

    /// <summary>A new material before the branch head's appointment: the designated representative's authorisation.</summary>
    public static string AddsRepresentativeLetter(string t) => t.Replace("  - id: branch_head_appointment\n", """
          - id: representative_letter
            document: designated_representative_authorisation
            form: original
          - id: branch_head_appointment

        """);

    /// <summary>The branch head's appointment is no longer asked for.</summary>
    public static string DropsBranchHeadAppointment(string t) => t.Replace("""
          - id: branch_head_appointment
            document: branch_head_appointment
            form: original

        """, "");

    /// <summary>The lease contract is no longer asked for.</summary>
    public static string DropsLeaseContract(string t) => t.Replace("""
          - id: premises_lease_contract
            document: lease_contract
            required_when: branch.premises_type = "leased"
            form: copy

        """, "");

    /// <summary>The property certificate is asked only for owned premises (the lease is proof enough).</summary>
    public static string PropertyCertificateOnlyWhenOwned(string t) =>
        t.Replace("required_when: branch.premises_type in [\"owned\", \"leased\"]", "required_when: branch.premises_type = \"owned\"");

    /// <summary>Only the 2017 edition of the lease contract is accepted.</summary>
    public static string LeaseIn2017EditionOnly(string t) => t.Replace("""
            document: lease_contract
            required_when: branch.premises_type = "leased"
            form: copy

        """, """
            document: lease_contract
            required_when: branch.premises_type = "leased"
            form: copy
            form_versions: ["2017"]

        """);

    /// <summary>Every branch is registered by the city bureau: the district rule goes.</summary>
    public static string CityBureauForAll(string t) => t.Replace("""
            - when: branch.district = "shangcheng" and not enterprise.is_foreign_invested
              authority: hz_amr_shangcheng
        """, """
            - when: branch.district = "xihu" and not enterprise.is_foreign_invested
              authority: hz_amr_shangcheng
        """);

    /// <summary>The statutory limit becomes <paramref name="days"/> working days.</summary>
    public static Func<string, string> StatutoryDays(int days) => t => t.Replace("    working_days: 15 ", $"    working_days: {days} ");

    /// <summary>The 2017 edition of the lease contract, converting from the 2014 one when <paramref name="converts"/>.</summary>
    public static void Publish2017Lease(TempCatalogue catalogue, bool converts)
    {
        const string Edition2014 = "      - version: \"2014\"\n        effective_from: 2014-01-01\n";
        var edition2017 = "      - version: \"2017\"\n        effective_from: 2017-02-01\n"
            + (converts ? "        converts_from:\n          \"2014\": {landlord: lessor, tenant: lessee}\n" : "");
        catalogue.Edit("documents.yaml", t => t.Replace(Edition2014, Edition2014 + edition2017));
    }
}
