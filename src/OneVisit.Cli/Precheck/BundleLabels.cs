using OneVisit.Cli.Common;

namespace OneVisit.Cli.Precheck;

/// <summary>
/// The words a bundle's precheck adds to a procedure's (<see cref="PrecheckLabels"/> keeps the shared ones: verdict,
/// open questions, notice), in one language.
/// </summary>
internal sealed class BundleLabels
{
    public static BundleLabels For(TextLanguage language) => language.Pick(Chinese, English);

    public required string Lead { get; init; }

    public required string AcceptancePoint { get; init; }

    public required string NoAcceptancePoint { get; init; }

    public required string Members { get; init; }

    public required string WaitsFor { get; init; }

    public required string AfterThem { get; init; }

    public required string Materials { get; init; }

    public required Func<string, string> UsedBy { get; init; }

    public required string Trip { get; init; }

    public required Func<int, int, string> Summary { get; init; }

    public required string Total { get; init; }

    public required string OnTheirOwn { get; init; }

    public required Func<string, int, string> OwnCount { get; init; }

    public required string ListSeparator { get; init; }

    public static BundleLabels Chinese { get; } = new()
    {
        Lead = "牵头部门",
        AcceptancePoint = "受理点",
        NoAcceptancePoint = "无联办受理点：各事项分别在办理部门申请",
        Members = "办理事项",
        WaitsFor = "需等待",
        AfterThem = "（其结果出具后才能开始）",
        Materials = "申请材料（每份只交一次）",
        UsedBy = codes => $"用于 {codes}",
        Trip = "跑动",
        Summary = (trips, naive) => $"本一件事跑动 {trips} 次；若各部门分别办理，合计 {naive} 次（每个部门“最多跑一次”）",
        Total = "  合计",
        OnTheirOwn = "  各事项",
        OwnCount = (code, count) => $"{code} {count} 次",
        ListSeparator = "、",
    };

    public static BundleLabels English { get; } = new()
    {
        Lead = "Lead",
        AcceptancePoint = "Accepted at",
        NoAcceptancePoint = "no joint acceptance point: each member is applied for at its own department",
        Members = "Members",
        WaitsFor = "waits for",
        AfterThem = " (cannot start before their results are issued)",
        Materials = "Materials (each handed in once)",
        UsedBy = codes => $"used by {codes}",
        Trip = "trip",
        Summary = (trips, naive) => $"{trips} {(trips == 1 ? "trip" : "trips")} for the whole matter; {naive} if each department were visited on its own (each \"at most once\")",
        Total = "  total",
        OnTheirOwn = "  on their own",
        OwnCount = (code, count) => $"{code} {count}",
        ListSeparator = ", ",
    };
}
