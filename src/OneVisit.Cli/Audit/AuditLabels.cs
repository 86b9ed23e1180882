using OneVisit.Cli.Common;
using OneVisit.Workflows.Audit;

namespace OneVisit.Cli.Audit;

/// <summary>Every fixed word of <c>audit verify</c> and of the chain line of <c>cases show</c>, in one language.</summary>
internal sealed class AuditLabels
{
    public static AuditLabels For(TextLanguage language) => language.Pick(Chinese, English);

    public required IReadOnlyDictionary<AuditChainState, string> States { get; init; }

    /// <summary>What each kind of break means, in a sentence.</summary>
    public required IReadOnlyDictionary<AuditBreakKind, string> Breaks { get; init; }

    /// <summary>(store, cases, HMACs checked).</summary>
    public required Func<string, int, bool, string> Heading { get; init; }

    public required string NoLines { get; init; }

    /// <summary>(chained lines, unchained lines).</summary>
    public required Func<int, int, string> Lines { get; init; }

    /// <summary>(position or null, action or null, sequence or null): where a chain breaks, ending in a colon.</summary>
    public required Func<long?, string?, long?, string> Where { get; init; }

    /// <summary>(broken, not chained, all): the last line.</summary>
    public required Func<int, int, int, string> Summary { get; init; }

    /// <summary>The mark near the top of <c>cases show</c>: (where and what, the command that says more).</summary>
    public required Func<string, string, string> ShowBroken { get; init; }

    public required Func<int, string> ShowNotChained { get; init; }

    public static AuditLabels English { get; } = new()
    {
        States = new Dictionary<AuditChainState, string>
        {
            [AuditChainState.Verified] = "verified",
            [AuditChainState.NotChained] = "not chained",
            [AuditChainState.Broken] = "BROKEN",
        },
        Breaks = new Dictionary<AuditBreakKind, string>
        {
            [AuditBreakKind.HashMismatch] = "hash mismatch: this line, or the one before it, was edited or replaced",
            [AuditBreakKind.IndexGap] = "gap in the chain: a line was removed here, or one inserted",
            [AuditBreakKind.MissingChain] = "the case started but every audit line of it is gone",
            [AuditBreakKind.MacMismatch] = "HMAC mismatch: the line was rebuilt without the key, or the key is not the store's",
            [AuditBreakKind.LineWithoutHash] = "a line without hash, written after the store chained lines: inserted behind its back",
        },
        Heading = (store, cases, macs) => $"Audit chains in {store}: {cases} case(s), {(macs ? "hashes and HMACs checked with the key given" : "hashes checked; no key given, so a rebuilt chain would pass (pass --key)")}.",
        NoLines = "No audit lines: nothing to verify.",
        Lines = (chained, unchained) => unchained == 0 ? $"{chained} line(s)" : $"{chained} line(s) chained, {unchained} written before chaining",
        Where = (position, action, sequence) => $"at position {(position is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}{(action is null ? "" : $" ({action}, seq {sequence})")}: ",
        Summary = (broken, unchained, all) => broken > 0
            ? $"{broken} of {all} chain(s) broken."
            : unchained > 0 ? $"None broken; {unchained} of {all} case(s) have lines written before chaining, which nothing vouches for." : $"All {all} chain(s) verified.",
        ShowBroken = (what, command) => $"AUDIT CHAIN BROKEN {what}. Details: {command}",
        ShowNotChained = count => $"Audit: {count} line(s) written before the store chained lines; nothing vouches for them.",
    };

    public static AuditLabels Chinese { get; } = new()
    {
        States = new Dictionary<AuditChainState, string>
        {
            [AuditChainState.Verified] = "完好",
            [AuditChainState.NotChained] = "未成链",
            [AuditChainState.Broken] = "已被篡改",
        },
        Breaks = new Dictionary<AuditBreakKind, string>
        {
            [AuditBreakKind.HashMismatch] = "哈希不符：本行或其前一行被修改或替换",
            [AuditBreakKind.IndexGap] = "链条断档：此处有一行被删除，或被插入一行",
            [AuditBreakKind.MissingChain] = "案件已启动，但其审计记录全部缺失",
            [AuditBreakKind.MacMismatch] = "HMAC 不符：该行在无密钥情况下被重建，或所给密钥不是本库的密钥",
            [AuditBreakKind.LineWithoutHash] = "成链之后写入的无哈希记录：系被绕过程序插入",
        },
        Heading = (store, cases, macs) => $"审计链校验 {store}：{cases} 件案件，{(macs ? "已用所给密钥校验哈希与 HMAC" : "仅校验哈希；未给密钥，被整体重建的链无法发现（请用 --key）")}。",
        NoLines = "没有审计记录，无需校验。",
        Lines = (chained, unchained) => unchained == 0 ? $"{chained} 行" : $"{chained} 行成链，{unchained} 行写于成链之前",
        Where = (position, action, sequence) => $"第 {(position is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")} 位{(action is null ? "" : $"（{action}，序号 {sequence}）")}：",
        Summary = (broken, unchained, all) => broken > 0
            ? $"{all} 条链中 {broken} 条已被篡改。"
            : unchained > 0 ? $"未发现篡改；{all} 件案件中 {unchained} 件含成链之前写入的记录，无法担保。" : $"全部 {all} 条链完好。",
        ShowBroken = (what, command) => $"审计链已被篡改：{what}。详见：{command}",
        ShowNotChained = count => $"审计：{count} 行写于成链之前，无法担保。",
    };
}
