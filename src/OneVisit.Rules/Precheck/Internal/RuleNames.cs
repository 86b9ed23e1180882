namespace OneVisit.Rules.Precheck.Internal;

/// <summary>
/// The names of a procedure's rules, <c>&lt;code&gt;/&lt;part&gt;/&lt;id&gt;</c>. One place, because an outcome without
/// a compiled rule (an unconditional material, a presence step without <c>when</c>) is explained under the same name.
/// </summary>
internal static class RuleNames
{
    public static string Acceptance(string code, int index) => $"{code}/acceptance/{index + 1}";

    public static string Eligibility(string code, string id) => $"{code}/eligibility/{id}";

    public static string Jurisdiction(string code, int index) => $"{code}/jurisdiction/{index + 1}";

    public static string JurisdictionDefault(string code) => $"{code}/jurisdiction/default";

    public static string MaterialRequired(string code, string material) => $"{code}/material/{material}/required";

    public static string Exemption(string code, string material, int index) => $"{code}/material/{material}/exemption/{index + 1}";

    public static string Presence(string code, string step) => $"{code}/presence/{step}";

    public static string RemoteAlternative(string code, string step) => $"{code}/presence/{step}/remote";

    public static string OriginalsShared(string code, string step) => $"{code}/presence/{step}/shared";

    public static string ResultDelivery(string code) => $"{code}/result_delivery";

    public static string HandIn(string code) => $"{code}/channels/hand_in";

    public static string Fee(string code, int index) => $"{code}/fee/{index + 1}";
}
