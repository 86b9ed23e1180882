using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Tests.Support;

namespace OneVisit.Rules.Tests.Bundles;

/// <summary>
/// 出生一件事 built in code over the sample catalogue's four birth procedures, so the bundle precheck is tested
/// apart from the YAML that declares bundles: one variation per way the matter can be organised.
/// </summary>
internal static class BirthBundle
{
    public const string Certificate = "330100-SC-0005";
    public const string Registration = "330100-SC-0006";
    public const string Insurance = "330100-SC-0007";
    public const string Card = "330100-SC-0008";

    private static readonly SourceLocation Here = SourceLocation.StartOf("BirthBundle.cs");

    /// <summary>The sample catalogue with <paramref name="bundle"/> added.</summary>
    public static PrecheckEngine Engine(Bundle bundle)
    {
        var sample = SampleCatalogue.Catalog;
        var catalog = new ProcedureCatalog(sample.Info, sample.Facts, [.. sample.Authorities.Values], [.. sample.Documents.Values], [.. sample.Procedures.Values], [bundle]);
        return new PrecheckEngine(catalog);
    }

    /// <summary>
    /// The four members; the birth certificate passes to the registration by <paramref name="via"/>, and the
    /// registration's household page to the insurance as an e-licence.
    /// </summary>
    public static Bundle Define(
        FlowVia via = FlowVia.ELicence,
        bool jointWindow = true,
        BundleDelivery delivery = BundleDelivery.Unified,
        string? cardWhen = null,
        bool cardOptional = false,
        MemberRefusal onRefused = MemberRefusal.StopDependents) => new()
    {
        Code = "330100-YJS-0001",
        Name = new("出生一件事", "Newborn"),
        Version = 1,
        EffectiveFrom = new DateOnly(2016, 1, 1),
        Event = new LifeEvent(LifeEventKind.Life, new("出生", "Birth")),
        LeadAuthorityId = "hz_health_shangcheng",
        Members =
        [
            new(Certificate, null, false, null, Here),
            new(Registration, null, false, null, Here),
            new(Insurance, null, false, null, Here),
            new(Card, cardWhen is null ? null : Condition(cardWhen), cardOptional, null, Here),
        ],
        Flows =
        [
            new(Certificate, "birth_medical_certificate", Registration, "birth_certificate", via, Here),
            new(Registration, "household_register", Insurance, "household_register", FlowVia.ELicence, Here),
        ],
        Acceptance = jointWindow ? new BundleAcceptance("hz_general_window", [Channel.Window, Channel.Online], Here) : null,
        Delivery = delivery,
        OnMemberRefused = onRefused,
        Location = Here,
    };

    /// <summary>A born-in-hospital child joining the father's Hangzhou household, everything answered.</summary>
    public static BundlePrecheckRequest Request(string bundleCode = "330100-YJS-0001", string? window = "hz_general_window", params (string Path, object? Value)[] overrides)
    {
        var facts = new Dictionary<string, object?>
        {
            ["child.born_in_licensed_institution"] = true,
            ["child.born_in_joint_service_hospital"] = false,
            ["child.father_recorded"] = true,
            ["child.hukou_follows"] = "father",
            ["child.has_local_hukou"] = true,
            ["child.birth_date"] = new DateOnly(2017, 2, 10),
            ["applicant.insured_in_hangzhou"] = true,
        };
        foreach (var (path, value) in overrides)
        {
            facts[path] = value;
        }

        return new BundlePrecheckRequest
        {
            BundleCode = bundleCode,
            AsOf = SampleCatalogue.Morning,
            WindowId = window,
            Facts = facts,
            Documents =
            [
                new HeldDocument("resident_id_card", IssuedOn: new DateOnly(2012, 5, 4), ExpiresOn: new DateOnly(2032, 5, 4)),
                new HeldDocument("social_security_card_application", Electronic: true),
            ],
        };
    }

    private static PolicyCondition Condition(string text) =>
        new(ConditionLanguage.Parse(text, SampleCatalogue.Catalog.Facts).Condition ?? throw new ArgumentException(text), Here);
}
