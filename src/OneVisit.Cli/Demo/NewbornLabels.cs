using OneVisit.Cli.Common;

namespace OneVisit.Cli.Demo;

/// <summary>
/// The words the demo's fifth act adds to <see cref="DemoLabels"/>, in one language; a bundle case's own words
/// (member states, passed on) are <see cref="Cases.BundleCaseLabels"/>.
/// </summary>
internal sealed class NewbornLabels
{
    public static NewbornLabels For(TextLanguage language) => language.Pick(Chinese, English);

    /// <summary>(number, Chinese name, English name, code, members going ahead).</summary>
    public required Func<int, string, string, string, int, string> Heading { get; init; }

    /// <summary>(naive trips): what the family made member by member.</summary>
    public required Func<int, string> OneByOne { get; init; }

    public required string[] OneByOneHeaders { get; init; }

    /// <summary>(trips): a member's own count.</summary>
    public required Func<int, string> Trips { get; init; }

    /// <summary>(trips for the matter, the naive sum, what the trips are for).</summary>
    public required Func<int, int, string, string> AtHome { get; init; }

    public required Func<string, string> BundleSteps { get; init; }

    public required string Members { get; init; }

    public required string MembersIntro { get; init; }

    public required string PassedOn { get; init; }

    /// <summary>(document, from, to, via).</summary>
    public required Func<string, string, string, string, string> Passed { get; init; }

    /// <summary>(delivery): every result delivered at once.</summary>
    public required Func<string, string> Once { get; init; }

    /// <summary>(visits needed, visits made, member by member).</summary>
    public required Func<int, int, int, string> VisitCounts { get; init; }

    /// <summary>(members): the summary row's name.</summary>
    public required Func<string, int, string> SummaryName { get; init; }

    /// <summary>(naive trips): the summary row's 2017 column.</summary>
    public required Func<int, string> SummaryThen { get; init; }

    public static NewbornLabels Chinese { get; } = new()
    {
        Heading = (number, chinese, _, code, members) => $"{number}. {chinese}［{code}］：{members} 个事项，作为一件事办理",
        OneByOne = trips => $"若逐个部门办理（每个部门“最多跑一次”）：合计跑 {trips} 次",
        OneByOneHeaders = ["部门", "事项", "跑动", "需先取得"],
        Trips = trips => $"{trips} 次",
        AtHome = (trips, naive, why) => $"预审结论：整件事跑动 {trips} 次（{why}），各部门分别办理则 {naive} 次。",
        BundleSteps = id => $"一件事案件 {id}，据审计记录逐步列出：",
        Members = "各事项",
        MembersIntro = "每个事项各自立案，所需的结果一出具即开始办理：",
        PassedOn = "流转",
        Passed = (document, from, to, via) => $"{document}：{from} → {to}（{via}）",
        Once = delivery => $"统一出件：{delivery}",
        VisitCounts = (needed, made, naive) => $"跑动：需 {needed} 次，实际 {made} 次（逐个部门办理需 {naive} 次）",
        SummaryName = (name, members) => $"{name}（{members} 个事项）",
        SummaryThen = naive => $"各部门分别办理：跑 {naive} 次",
    };

    public static NewbornLabels English { get; } = new()
    {
        Heading = (number, chinese, english, code, members) => $"{number}. {chinese} · {english}  [{code}]: {members} procedures as one matter",
        OneByOne = trips => $"member by member, each department \"at most one visit\": {trips} trips in all",
        OneByOneHeaders = ["department", "procedure", "trips", "needs first"],
        Trips = trips => trips.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AtHome = (trips, naive, why) => $"the precheck says {trips} {(trips == 1 ? "trip" : "trips")} for the whole matter ({why}); {naive} if each department were visited on its own.",
        BundleSteps = id => $"bundle case {id}, step by step from its audit trail:",
        Members = "members",
        MembersIntro = "each a case of its own, started as soon as the results it needs were issued:",
        PassedOn = "passed",
        Passed = (document, from, to, via) => $"{document}: {from} → {to} ({via})",
        Once = delivery => $"every result at once: {delivery}",
        VisitCounts = (needed, made, naive) => $"visits: {needed} needed, {made} made ({naive} member by member)",
        SummaryName = (name, members) => $"{name} ({members} procedures)",
        SummaryThen = naive => $"department by department: {naive} trips",
    };
}
