using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Tests.Export;

/// <summary>
/// A small catalogue at the edges of what the export handles: a procedure with no English, no conditions, fees,
/// presence steps, outputs or promised limit, and a law named with characters an IRI cannot hold; a business bundle
/// whose member carries a paper result to the next (two waves) and a life bundle with an optional member, sharing
/// one procedure.
/// </summary>
internal static class EdgeCatalogue
{
    public const string BareProcedure = """
        code: P-2
        name: 营业执照核发
        version: 3
        effective_from: 2016-01-01
        effective_until: 2030-12-31
        legal_basis:
          - {law: "条例 A/B #3?"}
        jurisdiction:
          default: hz_amr
        materials:
          - id: form
            document: application_form
        time_limits:
          statutory: {days: 20, basis: {law: "条例 A/B #3?", article: "第 5 条"}}
        channels: [window]
        result_delivery: [pickup]
        produces: [business_licence]
        """;

    public const string BusinessBundle = """
        code: B-1
        name: 开办一件事
        version: 1
        effective_from: 2017-01-01
        event: {kind: business, name: 企业开办}
        lead: hz_amr
        members:
          - procedure: P-2
          - procedure: P-1
        flows:
          - from: P-2
            to: {procedure: P-1, material: licence}
            via: citizen_carries
        """;

    public const string LifeBundle = """
        code: B-2
        name: 生活一件事
        name_en: A life event
        version: 1
        effective_from: 2017-01-01
        event: {kind: life, name: 生活, name_en: Life}
        lead: zj_amr
        members:
          - procedure: P-1
          - procedure: P-2
            optional: true
        acceptance: {window: hz_general, channels: [window]}
        delivery: unified
        time_limit: {working_days: 7}
        """;

    public static ProcedureCatalog Load()
    {
        using var folder = new CatalogFolder()
            .With("procedures/p2.yaml", BareProcedure)
            .With("bundles/b1.yaml", BusinessBundle)
            .With("bundles/b2.yaml", LifeBundle);
        var result = folder.Load();
        Assert.True(result.Catalog is not null, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Catalog;
    }
}
