using System.Globalization;

namespace OneVisit.Rules.WhatIf.Internal;

/// <summary>Every fixed word of the HTML visits report, in one language.</summary>
internal sealed class VisitsLabels
{
    public static VisitsLabels For(bool english) => english ? English : Chinese;

    public required string HtmlLanguage { get; init; }

    public required string Kind { get; init; }

    public required Func<string, string> Title { get; init; }

    public required Func<DateOnly, string> Subtitle { get; init; }

    public required string Population { get; init; }

    /// <summary>Said at once when the population is made up: its "typical" is no real volume.</summary>
    public required string NotReal { get; init; }

    public required Func<int, int, string> ProceduresSummary { get; init; }

    public required Func<int, int, string> TypicalSummary { get; init; }

    public required Func<int, int, int, string> BundlesSummary { get; init; }

    public required string Summary { get; init; }

    public required string Procedures { get; init; }

    public required string Bundles { get; init; }

    public required string Reading { get; init; }

    public required IReadOnlyList<string> ReadingItems { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string Authority { get; init; }

    public required string Lead { get; init; }

    public required string Worst { get; init; }

    public required string Typical { get; init; }

    public required string Best { get; init; }

    public required string PerMatter { get; init; }

    public required string NaiveSum { get; init; }

    public required string Saved { get; init; }

    public required string Members { get; init; }

    public required string None { get; init; }

    public required string ProcedureChart { get; init; }

    public required string ProcedureChartDescription { get; init; }

    public required string BundleChart { get; init; }

    public required string BundleChartDescription { get; init; }

    public required string Footer { get; init; }

    public required Func<PopulationKind, string> KindOf { get; init; }

    private static readonly VisitsLabels Chinese = new()
    {
        HtmlLanguage = "zh-CN",
        Kind = "跑动次数报告",
        Title = catalog => $"{catalog}：事项与一件事的跑动次数",
        Subtitle = asOf => $"按 {asOf.Year}年{asOf.Month}月{asOf.Day}日 计算（该日尚未施行或已废止的，按其施行期内最近的一天）",
        Population = "样本人群",
        NotReal = "“通常”与“最少”跑动次数出自生成的样本人群（默认样本中各种情形机会均等），并非实际办件量，仅供参考；“最多”由规则直接得出，与办事指南一致。",
        ProceduresSummary = (atMostOne, more) => $"{atMostOne} 个事项最多跑一次；{more} 个事项最多需跑两次或以上。",
        TypicalSummary = (atMostOne, more) => $"按样本人群的通常情形：{atMostOne} 个事项跑一次以内，{more} 个事项跑两次或以上。",
        BundlesSummary = (count, perMatter, naive) => $"{count} 件一件事按一件事计最多共跑 {perMatter} 次；若各部门分别“最多跑一次”，合计为 {naive} 次。",
        Summary = "概况",
        Procedures = "事项",
        Bundles = "一件事",
        Reading = "如何阅读",
        ReadingItems =
        [
            "最多：任何申请人最多需要跑的次数，即办事指南所写的次数；每一个可能需要到场的环节都计入。",
            "通常：样本人群中符合条件的情形所需次数的加权中位数；最少：其中所需最少的次数。不符合条件的情形不计入。",
            "一件事的“按一件事计”是从申请到拿到最后一个结果的全部行程；“各部门合计”是把每个事项各自的最多次数相加，即各部门分别“最多跑一次”时的次数。",
        ],
        Code = "编码",
        Name = "名称",
        Authority = "实施机关",
        Lead = "牵头部门",
        Worst = "最多",
        Typical = "通常",
        Best = "最少",
        PerMatter = "按一件事计（最多）",
        NaiveSum = "各部门合计",
        Saved = "少跑",
        Members = "各事项最多",
        None = "无",
        ProcedureChart = "各事项跑动次数：最多与通常",
        ProcedureChartDescription = "每个事项两条横条：上为最多跑动次数，下为样本人群的通常次数。下表列出相同数字。",
        BundleChart = "各一件事跑动次数：各部门合计、按一件事计与通常",
        BundleChartDescription = "每件一件事三条横条：各部门分别计算的合计次数、按一件事计的最多次数、样本人群的通常次数。下表列出相同数字。",
        Footer = "本报告由 OneVisit 依据事项目录生成，“最多”与办事指南、预审出自同一套规则。",
        KindOf = kind => kind switch
        {
            PopulationKind.CaseHistory => "历史办件（已去除身份信息）",
            PopulationKind.File => "情形文件",
            _ => "生成的样本（非实际办件量）",
        },
    };

    private static readonly VisitsLabels English = new()
    {
        HtmlLanguage = "en",
        Kind = "Visits report",
        Title = catalog => $"{catalog}: visits per procedure and bundle",
        Subtitle = asOf => $"Judged on {asOf.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} (a procedure or bundle not in force that day: on the nearest day it is)",
        Population = "Population",
        NotReal = "“Typical” and “best” come from a generated population (by default one in which every branch of the rules is equally likely): not real volumes, so indicative only. “Worst” comes from the rules themselves, as the service guides state it.",
        ProceduresSummary = (atMostOne, more) => $"{atMostOne} procedures need at most one visit; {more} need two or more.",
        TypicalSummary = (atMostOne, more) => $"Typically, over the population: {atMostOne} take at most one visit, {more} two or more.",
        BundlesSummary = (count, perMatter, naive) => $"{count} bundles take at most {perMatter} trips as whole matters; {naive} if each department were visited on its own.",
        Summary = "Summary",
        Procedures = "Procedures",
        Bundles = "Bundles",
        Reading = "How to read it",
        ReadingItems =
        [
            "Worst: the most visits any applicant can need, as the service guide states it; every step that may need presence counts.",
            "Typical: the weighted median of the visits of the population's eligible situations; best: the fewest any of them needs. Situations refused are left out.",
            "For a bundle, per matter counts every trip from application to the last result; the naive sum adds up each member's own worst case, what “at most one visit per department” would give.",
        ],
        Code = "Code",
        Name = "Name",
        Authority = "Authority",
        Lead = "Lead department",
        Worst = "Worst",
        Typical = "Typical",
        Best = "Best",
        PerMatter = "Per matter (worst)",
        NaiveSum = "Naive sum",
        Saved = "Saved",
        Members = "Members' worst",
        None = "none",
        ProcedureChart = "Visits per procedure: worst case and typical",
        ProcedureChartDescription = "Two bars per procedure: the worst-case visits above, the population's typical visits below. The table below gives the same numbers.",
        BundleChart = "Trips per bundle: naive sum, per matter and typical",
        BundleChartDescription = "Three bars per bundle: the naive per-department sum, the worst-case trips of the whole matter, and the population's typical trips. The table below gives the same numbers.",
        Footer = "Generated by OneVisit from the procedure catalogue; the worst cases come from the same rules as the service guides and the precheck.",
        KindOf = kind => kind switch
        {
            PopulationKind.CaseHistory => "past cases (identities dropped)",
            PopulationKind.File => "a file of situations",
            _ => "generated (not real volumes)",
        },
    };
}
