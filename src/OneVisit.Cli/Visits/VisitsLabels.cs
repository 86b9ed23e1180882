using OneVisit.Cli.Common;
using OneVisit.Rules.WhatIf;

namespace OneVisit.Cli.Visits;

/// <summary>Every fixed word of <c>onevisit visits</c>' text output, in one language.</summary>
internal sealed class VisitsLabels
{
    public static VisitsLabels For(TextLanguage language) => language.Pick(Chinese, English);

    public required Func<string, string, string> Heading { get; init; }

    public required string Population { get; init; }

    public required string NotReal { get; init; }

    public required string Procedures { get; init; }

    public required string Bundles { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string Worst { get; init; }

    public required string Typical { get; init; }

    public required string Best { get; init; }

    public required string PerMatter { get; init; }

    public required string NaiveSum { get; init; }

    public required string Saved { get; init; }

    public required Func<int, int, string> ProceduresSummary { get; init; }

    public required Func<int, int, string> TypicalSummary { get; init; }

    public required Func<int, int, int, string> BundlesSummary { get; init; }

    public required Func<string, string> WroteHtml { get; init; }

    public required Func<PopulationKind, string> KindOf { get; init; }

    public static readonly VisitsLabels Chinese = new()
    {
        Heading = (catalog, asOf) => $"{catalog}：各事项与一件事的跑动次数（按 {asOf} 计算）",
        Population = "样本人群",
        NotReal = "“通常”“最少”出自生成的样本（默认样本中各种情形机会均等），并非实际办件量，仅供参考。",
        Procedures = "事项",
        Bundles = "一件事",
        Code = "编码",
        Name = "名称",
        Worst = "最多",
        Typical = "通常",
        Best = "最少",
        PerMatter = "按一件事计",
        NaiveSum = "各部门合计",
        Saved = "少跑",
        ProceduresSummary = (atMostOne, more) => $"{atMostOne} 个事项最多跑一次；{more} 个事项最多需跑两次或以上。",
        TypicalSummary = (atMostOne, more) => $"通常情形：{atMostOne} 个事项跑一次以内，{more} 个事项跑两次或以上。",
        BundlesSummary = (count, perMatter, naive) => $"{count} 件一件事按一件事计最多共跑 {perMatter} 次，各部门分别计算合计 {naive} 次。",
        WroteHtml = path => $"已将报告写入 {path}。",
        KindOf = kind => kind switch
        {
            PopulationKind.CaseHistory => "历史办件",
            PopulationKind.File => "情形文件",
            _ => "生成的样本",
        },
    };

    public static readonly VisitsLabels English = new()
    {
        Heading = (catalog, asOf) => $"{catalog}: visits per procedure and bundle, judged on {asOf}",
        Population = "Population",
        NotReal = "“Typical” and “best” come from a generated population (by default one in which every branch is equally likely): not real volumes, indicative only.",
        Procedures = "Procedures",
        Bundles = "Bundles",
        Code = "code",
        Name = "name",
        Worst = "worst",
        Typical = "typical",
        Best = "best",
        PerMatter = "per matter",
        NaiveSum = "naive sum",
        Saved = "saved",
        ProceduresSummary = (atMostOne, more) => $"{atMostOne} procedures need at most one visit; {more} need two or more.",
        TypicalSummary = (atMostOne, more) => $"Typically: {atMostOne} take at most one visit, {more} two or more.",
        BundlesSummary = (count, perMatter, naive) => $"{count} bundles take at most {perMatter} trips as whole matters; {naive} counted department by department.",
        WroteHtml = path => $"Wrote the HTML report to {path}.",
        KindOf = kind => kind switch
        {
            PopulationKind.CaseHistory => "past cases",
            PopulationKind.File => "file",
            _ => "generated",
        },
    };
}
