using OneVisit.Cli.Common;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Demo;

// The two languages of the demo's report.
internal sealed partial class DemoLabels
{
    private static readonly string[] ChineseWeekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public static DemoLabels Chinese { get; } = new()
    {
        Title = "OneVisit 演示：2017 年杭州市长以普通群众身份办理的四件事，以持久化案件重演",
        Catalogue = "事项目录",
        CatalogueValue = (name, path) => $"{name}，{path}",
        CaseStore = "案件库",
        CaseStoreValue = store => $"SQLite，{store}",
        Departments = "部门",
        DepartmentsValue = "模拟：每个核验请求即时答复；申请人与工作人员按脚本行动",
        Clock = "时钟",
        ClockValue = (morning, zone) => $"模拟，自 {morning.Year}年{morning.Month}月{morning.Day}日 {ChineseWeekdays[(int)morning.DayOfWeek]} {Invariant(morning, "HH:mm")} 起（{zone}）",
        ErrandHeading = (number, chinese, _, code) => $"{number}. {chinese}［{code}］",
        AtHome = "在家预审",
        Routing = "办理机关",
        Now = "如今",
        Result = "结果",
        CaseSteps = id => $"案件 {id}，据审计记录逐步列出：",
        StepHeaders = ["时间", "操作者", "步骤", "详情"],
        Outcome = (outcome, delivery, after) => $"{outcome}，{delivery}，申请后 {after} 办结",
        VisitCounts = (needed, made) => $"跑动：需 {needed} 次，实际 {made} 次",
        ByChoice = "（自愿到场：网上申请本可更少）",
        LimitState = (kind, length, state) => $"{kind}时限（{length}）{state}",
        Summary = "汇总",
        SummaryHeaders = ["#", "事项", "2017 年", "需跑动", "实际跑动", "办结用时", "案件"],
        StoredIn = store => $"案件保存在 {store}。查看其一：",
        FromAClone = command => $"（从源码运行：{command}）",
        PrecheckSays = verdict => $"预审结论：{verdict}",
        StillNeeded = names => $"尚缺：{names}（一次性告知）",
        Fetched = (names, departments) => $"由政府部门共享获取：{names}，来自{departments}",
        Converted = list => $"自动转换为现行表格版本：{list}",
        Conversion = (name, held, current) => $"{name}（{held} → {current}）",
        Prepared = names => $"窗口代为生成：{names}",
        NoVisit = "无需跑动",
        VisitsNeeded = (count, reasons) => $"需跑动 {count} 次（{reasons}）",
        Decides = (authority, level) => $"由{authority}（{level}）办理",
        ForwardedThere = window => $"；在{window}提交，案件转交该机关办理，无需再跑",
        Verdicts = new Dictionary<Verdict, string>
        {
            [Verdict.Online] = "全程网办，零跑动",
            [Verdict.OneVisit] = "只需跑一次",
            [Verdict.NotYet] = "暂不能办结：尚缺材料",
            [Verdict.MultipleVisits] = "需跑多次",
        },
        Deliveries = new Dictionary<ResultDelivery, string>
        {
            [ResultDelivery.Mail] = "结果邮寄送达",
            [ResultDelivery.ELicence] = "以电子证照发放",
            [ResultDelivery.Online] = "网上获取结果",
            [ResultDelivery.Pickup] = "窗口领取",
        },
        Reason = reason => CatalogueTerms.Chinese.Of(reason),
        Separator = "；",
        ListSeparator = "、",
        FullStop = "。",
    };

    public static DemoLabels English { get; } = new()
    {
        Title = "OneVisit demo: the mayor's four errands of 2017, replayed as durable cases",
        Catalogue = "catalogue",
        CatalogueValue = (name, path) => $"{name}, {path}",
        CaseStore = "case store",
        CaseStoreValue = store => $"SQLite, {store}",
        Departments = "departments",
        DepartmentsValue = "SIMULATED: they answer every evidence request at once; applicants and officers follow a script",
        Clock = "clock",
        ClockValue = (morning, zone) => $"simulated, from {Invariant(morning, "dddd d MMMM yyyy, HH:mm")} ({zone})",
        ErrandHeading = (number, chinese, english, code) => $"{number}. {chinese} · {english}  [{code}]",
        AtHome = "at home",
        Routing = "routing",
        Now = "now",
        Result = "result",
        CaseSteps = id => $"case {id}, step by step from its audit trail:",
        StepHeaders = ["when", "who", "step", "detail"],
        Outcome = (outcome, delivery, after) => $"{outcome}, {delivery}, {after} after applying",
        VisitCounts = (needed, made) => $"visits: {needed} needed, {made} made",
        ByChoice = " (by choice: applying online needed fewer)",
        LimitState = (kind, length, state) => $"{kind} limit ({length}) {state}",
        Summary = "Summary",
        SummaryHeaders = ["#", "errand", "2017", "visits needed", "visits made", "time to result", "case"],
        StoredIn = store => $"The cases are stored in {store}. Open one:",
        FromAClone = command => $"(from a clone: {command})",
        PrecheckSays = verdict => $"the precheck says {verdict}",
        StillNeeded = names => $"still needed: {names} (all listed at once)",
        Fetched = (names, departments) => $"fetched by the government: {names} from {departments}",
        Converted = list => $"converted to the current form edition: {list}",
        Conversion = (name, held, current) => $"{name} ({held} → {current})",
        Prepared = names => $"prepared by the office: {names}",
        NoVisit = "no visit needed",
        VisitsNeeded = (count, reasons) => $"{count} visit{(count == 1 ? "" : "s")} ({reasons})",
        Decides = (authority, level) => $"{authority} ({level} level) decides",
        ForwardedThere = window => $"; handed in at {window}, the case is forwarded there: no second trip",
        Verdicts = new Dictionary<Verdict, string>
        {
            [Verdict.Online] = "online, no visit",
            [Verdict.OneVisit] = "one visit",
            [Verdict.NotYet] = "not yet: something is missing",
            [Verdict.MultipleVisits] = "multiple visits",
        },
        Deliveries = new Dictionary<ResultDelivery, string>
        {
            [ResultDelivery.Mail] = "result mailed",
            [ResultDelivery.ELicence] = "issued as an e-licence",
            [ResultDelivery.Online] = "result online",
            [ResultDelivery.Pickup] = "picked up",
        },
        Reason = reason => CatalogWords.Of(reason).Replace('_', ' '),
        Separator = "; ",
        ListSeparator = ", ",
        FullStop = ".",
    };
}
