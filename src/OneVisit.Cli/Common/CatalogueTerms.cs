using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Common;

/// <summary>
/// OneVisit's enum words for people: in Chinese the terms of a government service guide, in English the words the
/// catalogue's YAML uses (<c>not_yet</c>, <c>e_licence</c>), so that output and policy tests read alike.
/// </summary>
internal sealed class CatalogueTerms
{
    private readonly Dictionary<Enum, string>? _words;

    private CatalogueTerms(Dictionary<Enum, string>? words) => _words = words;

    public static CatalogueTerms Chinese { get; } = new(ChineseWords());

    public static CatalogueTerms English { get; } = new(null);

    public static CatalogueTerms For(TextLanguage language) => language.Pick(Chinese, English);

    /// <summary>The word for <paramref name="value"/>; the catalogue's own where this language has none.</summary>
    public string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => _words is not null && _words.TryGetValue(value, out var word) ? word : CatalogWords.Of(value);

    /// <summary>Whether this language has its own word for <paramref name="value"/> (a test checks Chinese has one for each).</summary>
    public bool Has(Enum value) => _words?.ContainsKey(value) ?? false;

    private static Dictionary<Enum, string> ChineseWords() => new()
    {
        [Verdict.Online] = "全程网办",
        [Verdict.OneVisit] = "最多跑一次",
        [Verdict.NotYet] = "暂不能办结",
        [Verdict.NotEligible] = "不符合条件",
        [Verdict.MultipleVisits] = "需跑多次",
        [Truth.True] = "是",
        [Truth.False] = "否",
        [Truth.Unknown] = "未知",
        [MaterialStatus.Held] = "已持有",
        [MaterialStatus.Converted] = "旧版已转换",
        [MaterialStatus.Outdated] = "版本过期",
        [MaterialStatus.Fetched] = "部门共享获取",
        [MaterialStatus.ELicence] = "电子证照",
        [MaterialStatus.Commitment] = "告知承诺",
        [MaterialStatus.AcceptWithGap] = "容缺受理",
        [MaterialStatus.Generated] = "窗口代为生成",
        [MaterialStatus.Missing] = "尚缺",
        [MaterialStatus.NotRequired] = "无需提交",
        [MaterialStatus.Undecided] = "待确定",
        [MaterialStatus.PassedOn] = "联办部门传递",
        [ExemptionKind.DataSharing] = "部门共享",
        [ExemptionKind.ELicence] = "电子证照",
        [ExemptionKind.Commitment] = "告知承诺",
        [ExemptionKind.AcceptWithGap] = "容缺受理",
        [AuthorityLevel.National] = "国家级",
        [AuthorityLevel.Province] = "省级",
        [AuthorityLevel.City] = "市级",
        [AuthorityLevel.District] = "区级",
        [AuthorityLevel.County] = "县级",
        [AuthorityLevel.Township] = "乡镇（街道）级",
        [PresenceReason.IdentityCheck] = "身份核验",
        [PresenceReason.HandIn] = "窗口递交",
        [PresenceReason.Originals] = "核验原件",
        [PresenceReason.Inspection] = "现场查验",
        [PresenceReason.Signature] = "当面签字",
        [PresenceReason.Photo] = "现场拍照或采集",
        [PresenceReason.Pickup] = "领取结果",
        [ResultDelivery.ELicence] = "电子证照",
        [ResultDelivery.Mail] = "邮寄送达",
        [ResultDelivery.Pickup] = "窗口领取",
        [ResultDelivery.Online] = "网上获取",
        [MemberInclusion.Included] = "办理",
        [MemberInclusion.Undecided] = "待定",
        [MemberInclusion.Excluded] = "不适用",
        [MemberInclusion.LeftOut] = "申请人不办",
        [MemberInclusion.Refused] = "不予办理",
        [MemberInclusion.Stopped] = "中止",
        [FlowVia.ELicence] = "电子证照",
        [FlowVia.Push] = "部门推送",
        [FlowVia.CitizenCarries] = "申请人携带",
    };
}
