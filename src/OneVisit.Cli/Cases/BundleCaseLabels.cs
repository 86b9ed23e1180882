using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Workflows.Bundles;

namespace OneVisit.Cli.Cases;

/// <summary>
/// The words a bundle case (一件事) adds to <see cref="CaseLabels"/>, in one language: its members' states, what
/// passed between them, its one time limit and delivery, and how lists mark bundles and their members.
/// </summary>
internal sealed class BundleCaseLabels
{
    public static BundleCaseLabels For(TextLanguage language) => language.Pick(Chinese, English);

    public required IReadOnlyDictionary<BundleMemberState, string> MemberStates { get; init; }

    public required string Kind { get; init; }

    public required string KindBundle { get; init; }

    /// <summary>(bundle case id): a member row of a case list.</summary>
    public required Func<string, string> KindMember { get; init; }

    /// <summary>(bundle case id, name, code, version).</summary>
    public required Func<string, string, string, int, string> Heading { get; init; }

    public required string AcceptedAt { get; init; }

    public required string Accepted { get; init; }

    public required string TimeLimit { get; init; }

    /// <summary>(length, due, state).</summary>
    public required Func<string, string, string, string> TimeLimitValue { get; init; }

    /// <summary>(delivery): every result at once.</summary>
    public required Func<string, string> Once { get; init; }

    public required string EachOnItsOwn { get; init; }

    /// <summary>(predicted, made, member by member).</summary>
    public required Func<int, int, int, string> Visits { get; init; }

    public required string Notice { get; init; }

    public required string Members { get; init; }

    public required string[] MemberHeaders { get; init; }

    /// <summary>(outputs): what a member that cannot start yet waits for.</summary>
    public required Func<string, string> WaitsFor { get; init; }

    public required string Passed { get; init; }

    public required string NothingPassed { get; init; }

    public required string[] PassedHeaders { get; init; }

    public required string Bundle { get; init; }

    /// <summary>(bundle case id, code, name): the line a member case shows.</summary>
    public required Func<string, string, string, string> MemberOf { get; init; }

    /// <summary>(bundle case id): how to open the bundle from a member.</summary>
    public required Func<string, string> ShowBundle { get; init; }

    public required string ListSeparator { get; init; }

    public string Of(BundleMemberState state) => MemberStates[state];

    public static BundleCaseLabels Chinese { get; } = new()
    {
        MemberStates = new Dictionary<BundleMemberState, string>
        {
            [BundleMemberState.Pending] = "待受理",
            [BundleMemberState.CannotStartYet] = "暂不能开始",
            [BundleMemberState.Running] = "办理中",
            [BundleMemberState.Waiting] = "等待中",
            [BundleMemberState.Done] = "已办结",
            [BundleMemberState.Refused] = "不予办理",
            [BundleMemberState.Stopped] = "中止",
            [BundleMemberState.NotIncluded] = "不办理",
        },
        Kind = "类别",
        KindBundle = "一件事",
        KindMember = id => $"一件事成员：{id}",
        Heading = (id, name, code, version) => $"一件事案件 {id}：{name}［{code} 第 {version} 版］",
        AcceptedAt = "受理窗口",
        Accepted = "受理时间",
        TimeLimit = "承诺时限",
        TimeLimitValue = (length, due, state) => $"{length}，{due} 到期，{state}",
        Once = delivery => $"统一出件：{delivery}",
        EachOnItsOwn = "各事项分别送达",
        Visits = (predicted, made, naive) => $"预计 {predicted} 次，实际 {made} 次；各部门分别办理需 {naive} 次",
        Notice = "一次性告知",
        Members = "各事项",
        MemberHeaders = ["事项", "状态", "案件", "办理机关", "说明"],
        WaitsFor = outputs => $"等待：{outputs}",
        Passed = "部门间流转的结果",
        NothingPassed = "尚无",
        PassedHeaders = ["证照", "出具事项", "用于事项", "方式", "时间"],
        Bundle = "一件事",
        MemberOf = (id, code, name) => $"一件事案件 {id}（{code} {name}）的成员",
        ShowBundle = id => $"查看整件事：onevisit cases show {id}",
        ListSeparator = "；",
    };

    public static BundleCaseLabels English { get; } = new()
    {
        MemberStates = Enum.GetValues<BundleMemberState>().ToDictionary(s => s, s => CatalogWords.Of(s)),
        Kind = "kind",
        KindBundle = "bundle",
        KindMember = id => $"member of {id}",
        Heading = (id, name, code, version) => $"Bundle case {id}: {name} [{code} v{version}]",
        AcceptedAt = "accepted at",
        Accepted = "accepted",
        TimeLimit = "time limit",
        TimeLimitValue = (length, due, state) => $"{length}, due {due}, {state}",
        Once = delivery => $"every result at once: {delivery}",
        EachOnItsOwn = "each member delivers its own",
        Visits = (predicted, made, naive) => $"{predicted} predicted, {made} made; {naive} member by member",
        Notice = "Notice",
        Members = "Members",
        MemberHeaders = ["member", "state", "case", "authority", "why"],
        WaitsFor = outputs => $"waits for {outputs}",
        Passed = "Passed on between members",
        NothingPassed = "nothing yet",
        PassedHeaders = ["document", "from", "to", "via", "when"],
        Bundle = "bundle",
        MemberOf = (id, code, name) => $"member of bundle case {id} ({code} {name})",
        ShowBundle = id => $"the whole matter: onevisit cases show {id}",
        ListSeparator = "; ",
    };
}
