using OneVisit.Cli.Common;

namespace OneVisit.Cli.Audit;

/// <summary>Every fixed word of <c>audit who-looked</c>, in one language; who looked is named by <see cref="Cases.CaseLabels.Party"/>.</summary>
internal sealed class WhoLookedLabels
{
    public static WhoLookedLabels For(TextLanguage language) => language.Pick(Chinese, English);

    /// <summary>(subject, store): the title.</summary>
    public required Func<string, string, string> Heading { get; init; }

    /// <summary>When, who, case, what, why.</summary>
    public required string[] Headers { get; init; }

    /// <summary>(subject): nobody else looked, or the store holds nothing about the subject.</summary>
    public required Func<string, string> NoOne { get; init; }

    /// <summary>(times): the last line.</summary>
    public required Func<int, string> Summary { get; init; }

    public static WhoLookedLabels English { get; } = new()
    {
        Heading = (subject, store) => $"Who looked at the data of {subject}, in {store}:",
        Headers = ["when", "who", "case", "what", "why"],
        NoOne = subject => $"No one other than {subject} looked at their data: no officer, agent or department read their cases, and no department was asked about them.",
        Summary = times => $"{times} time{(times == 1 ? "" : "s")} someone else looked. Reads by the subject and by the host's own processing are not recorded.",
    };

    public static WhoLookedLabels Chinese { get; } = new()
    {
        Heading = (subject, store) => $"谁查看了 {subject} 的数据（{store}）：",
        Headers = ["时间", "查看者", "案件", "查看内容", "事由"],
        NoOne = subject => $"除 {subject} 本人外，无人查看过其数据：没有工作人员、代理人或部门读取其案件，也没有向部门调取其材料。",
        Summary = times => $"他人共查看 {times} 次。本人及系统自身处理的读取不作记录。",
    };
}
