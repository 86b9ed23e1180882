using OneVisit.Rules.Diagnostics;

namespace OneVisit.Rules.Tests.Authoring;

/// <summary>
/// The small <see cref="CatalogFolder"/> plus two parties, two procedures (Q-1 issues a business licence, Q-2 needs
/// it and involves the mother) and a valid bundle of both. Tests replace one piece to provoke one problem.
/// </summary>
internal static class BundleFolder
{
    public const string BundleFile = "bundles/b1.yaml";
    public const string Issuer = "procedures/q1.yaml";
    public const string User = "procedures/q2.yaml";

    public const string PartiesYaml = """

        parties:
          - id: mother
            name: 母亲
            name_en: Mother
          - id: father
            name: 父亲
        """;

    public const string IssuerYaml = """
        code: Q-1
        name: 营业执照核发
        version: 1
        effective_from: 2016-01-01
        legal_basis: [{law: 公司法, article: 第七条}]
        jurisdiction: {default: hz_amr}
        materials:
          - id: form
            document: application_form
        produces: [business_licence]
        time_limits:
          statutory: {working_days: 10, basis: {law: 行政许可法, article: 第四十二条}}
        channels: [window, online]
        result_delivery: [e_licence]
        """;

    public const string UserYaml = """
        code: Q-2
        name: 食品经营许可
        version: 1
        effective_from: 2016-01-01
        legal_basis: [{law: 食品安全法, article: 第三十五条}]
        jurisdiction: {default: hz_amr}
        parties: [mother]
        materials:
          - id: licence
            document: business_licence
          - id: licence_copy
            document: business_licence
            form: copy
          - id: attorney
            document: power_of_attorney
            party: mother
        presence:
          - id: sign
            reason: signature
            party: mother
        time_limits:
          statutory: {working_days: 20, basis: {law: 行政许可法, article: 第四十二条}}
        channels: [window, online]
        result_delivery: [e_licence]
        """;

    public const string BundleYaml = """
        code: B-1
        name: 开餐馆一件事
        name_en: Opening a restaurant
        version: 2
        effective_from: 2019-06-01
        effective_until: 2025-12-31
        event: {kind: business, name: 企业开办, name_en: Opening a business}
        lead: hz_amr
        members:
          - procedure: Q-1
          - procedure: Q-2
            when: applicant.is_agent
            optional: true
            on_refused: continue
        flows:
          - from: Q-1
            to:
              - {procedure: Q-2, material: licence}
              - {procedure: Q-2, material: licence_copy}
            via: e_licence
        form: [enterprise.name, applicant.is_agent]
        acceptance: {window: hz_general, channels: [window, online]}
        delivery: unified
        time_limit: {working_days: 5}
        on_member_refused: stop_dependents
        consent: [mother]
        """;

    /// <summary>The valid bundle catalogue, with one unique piece of <paramref name="file"/> replaced when given.</summary>
    public static CatalogFolder With(string file = BundleFile, string original = "", string replacement = "")
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["catalog.yaml"] = CatalogFolder.CatalogYaml + PartiesYaml,
            [Issuer] = IssuerYaml,
            [User] = UserYaml,
            [BundleFile] = BundleYaml,
        };
        if (original.Length > 0)
        {
            var text = texts[file];
            Assert.True(text.Split(original).Length == 2, $"'{original}' is not in the default {file} exactly once.");
            texts[file] = text.Replace(original, replacement, StringComparison.Ordinal);
        }

        var folder = new CatalogFolder();
        foreach (var (path, text) in texts)
        {
            folder.With(path, text);
        }

        return folder;
    }

    /// <summary>Where <paramref name="snippet"/> starts in the file as written (1-based line and column).</summary>
    public static SourceLocation At(CatalogFolder folder, string file, string snippet, int offset = 0)
    {
        var text = File.ReadAllText(folder.File(file)).ReplaceLineEndings("\n");
        var index = text.IndexOf(snippet, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{snippet}' is not in {file}.");
        index += offset;
        var line = text.AsSpan(0, index).Count('\n') + 1;
        var column = index == 0 ? 1 : index - text.LastIndexOf('\n', index - 1);
        return new SourceLocation(folder.File(file), line, column);
    }
}
