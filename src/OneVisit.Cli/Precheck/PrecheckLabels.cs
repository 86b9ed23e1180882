using OneVisit.Cli.Common;

namespace OneVisit.Cli.Precheck;

/// <summary>Every fixed word of the precheck's text output, in one language: the one place to change them.</summary>
internal sealed class PrecheckLabels
{
    public static PrecheckLabels For(TextLanguage language) => language.Pick(Chinese, English);

    public required Func<string, string, int, string, string> Heading { get; init; }

    public required string Verdict { get; init; }

    public required string Obstacles { get; init; }

    /// <summary>Heads the reasons of a final refusal (not eligible), each with its legal basis.</summary>
    public required string Refused { get; init; }

    public required string Eligible { get; init; }

    public required string Denied { get; init; }

    public required string MayDeny { get; init; }

    public required string Authority { get; init; }

    public required Func<string, string> Level { get; init; }

    public required string Because { get; init; }

    public required string Undecided { get; init; }

    public required string UndecidedWhy { get; init; }

    public required string Window { get; init; }

    public required Func<string, string> ForwardedTo { get; init; }

    public required string Rule { get; init; }

    public required string Condition { get; init; }

    public required string Basis { get; init; }

    public required string Materials { get; init; }

    public required Func<string, string> RequiredIf { get; init; }

    public required string Visits { get; init; }

    public required Func<int, string> Visit { get; init; }

    public required string Avoided { get; init; }

    public required Func<string, string, string, string> AvoidedInstead { get; init; }

    public required string OnlyIfAnswered { get; init; }

    public required string OpenQuestions { get; init; }

    public required string NoOpenQuestions { get; init; }

    public required string StillToAsk { get; init; }

    public required string Fees { get; init; }

    public required string NoFees { get; init; }

    public required Func<string, string> Amount { get; init; }

    public required string Notice { get; init; }

    public required Func<string, string> NoticeSentBy { get; init; }

    /// <summary>Between a step and its reason: <c>inspection (vehicle_inspection): …</c>.</summary>
    public required Func<string, string, string, string> VisitReason { get; init; }

    public static PrecheckLabels Chinese { get; } = new()
    {
        Heading = (code, name, version, asOf) => $"{code} {name}（第 {version} 版，按 {asOf} 判断）",
        Verdict = "结论",
        Obstacles = "  原因",
        Refused = "  不予受理",
        Eligible = "符合受理条件",
        Denied = "  不予受理",
        MayDeny = "  可能不予受理",
        Authority = "办理机关",
        Level = level => $"（{level}）",
        Because = "  理由",
        Undecided = "  尚未确定",
        UndecidedWhy = "前一条规则取决于待答问题，仍可能适用",
        Window = "  受理窗口",
        ForwardedTo = authority => $"转交 {authority} 办理（非本窗口机关事项，申请人无需另跑）",
        Rule = "规则",
        Condition = "条件",
        Basis = "依据",
        Materials = "申请材料",
        RequiredIf = condition => $"提交情形：{condition}",
        Visits = "跑动次数",
        Visit = visit => $"  第 {visit} 次",
        Avoided = "  免跑",
        AvoidedInstead = (step, reason, instead) => $"{step}（{reason}），替代方式：{instead}",
        OnlyIfAnswered = "  ［视待答问题而定］",
        OpenQuestions = "待答问题",
        NoOpenQuestions = "无：影响结论的情况均已知",
        StillToAsk = "尚需询问，影响最大的在前",
        Fees = "收费",
        NoFees = "无",
        Amount = amount => $"{amount} 元",
        Notice = "告知书",
        NoticeSentBy = date => $"一次性告知全部缺少的材料，须于 {date} 前发出",
        VisitReason = (step, reason, why) => $"{step}（{reason}）：{why}",
    };

    public static PrecheckLabels English { get; } = new()
    {
        Heading = (code, name, version, asOf) => $"{code} {name} (version {version}, as of {asOf})",
        Verdict = "Verdict",
        Obstacles = "  obstacles",
        Refused = "  refused",
        Eligible = "Eligible",
        Denied = "  denied",
        MayDeny = "  may deny",
        Authority = "Authority",
        Level = level => $" ({level} level)",
        Because = "  because",
        Undecided = "  undecided",
        UndecidedWhy = "an earlier rule depends on an open question and could still win",
        Window = "  window",
        ForwardedTo = authority => $"forwarded to {authority} (not this window's authority; the applicant is not sent away)",
        Rule = "rule",
        Condition = "condition",
        Basis = "basis",
        Materials = "Materials",
        RequiredIf = condition => $"required if {condition}",
        Visits = "Visits",
        Visit = visit => $"  visit {visit}",
        Avoided = "  avoided",
        AvoidedInstead = (step, reason, instead) => $"{step} ({reason}), instead: {instead}",
        OnlyIfAnswered = "  [only if an open question says so]",
        OpenQuestions = "Open questions",
        NoOpenQuestions = "none: every fact that matters is known",
        StillToAsk = "still to ask, most decisive first",
        Fees = "Fees",
        NoFees = "none",
        Amount = amount => $"{amount} yuan",
        Notice = "Notice",
        NoticeSentBy = date => $"one-time notice of everything missing, to be sent by {date}",
        VisitReason = (step, reason, why) => $"{step} ({reason}): {why}",
    };
}
