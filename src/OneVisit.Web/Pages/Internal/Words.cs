using OneVisit.Rules.Catalog;

namespace OneVisit.Web.Pages.Internal;

/// <summary>
/// The pages' own labels in Chinese and English. The catalogue's texts (names, questions, notes) come with their
/// own translations (<see cref="LocalizedText"/>); these are only the words around them.
/// </summary>
internal sealed class Words
{
    private Words(bool english) => English = english;

    /// <summary>The Chinese labels.</summary>
    public static Words Chinese { get; } = new(false);

    /// <summary>The English labels.</summary>
    public static Words InEnglish { get; } = new(true);

    /// <summary>Whether the labels are English.</summary>
    public bool English { get; }

    /// <summary>The query string that keeps the language on a link (empty for Chinese, the default).</summary>
    public string Query => English ? "?lang=en" : "";

    /// <summary>The labels for a request's <c>lang</c>: English for <c>en…</c>, Chinese otherwise.</summary>
    public static Words For(string? lang) => lang is not null && lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? InEnglish : Chinese;

    /// <summary>A catalogue text in this language (its English when it has one).</summary>
    public string Of(LocalizedText text) => English ? text.EnglishOrText : text.Text;

    /// <summary>"name: note", as the precheck's own obstacle lines write it in each language.</summary>
    public string Line(LocalizedText name, LocalizedText note) => English ? $"{name.EnglishOrText}: {note.EnglishOrText}" : $"{name.Text}：{note.Text}";

    private string T(string zh, string en) => English ? en : zh;

    public string Site => T("一次办好", "OneVisit");
    public string LanguageLabel => T("语言", "Language");
    public string OtherLanguage => English ? "中文" : "English";
    public string ChooseTitle => T("办事前先检查", "Check before you start");
    public string ChooseIntro => T("选择要办的事项或一件事。我们只问会改变结果的问题，然后告诉您要带什么、哪些由政府部门共享、谁来办理、要跑几次。", "Choose a procedure or a life event. We ask only the questions whose answers change the result, then tell you what to bring, what the government fetches itself, who decides, and how many visits it takes.");
    public string Procedures => T("事项", "Procedures");
    public string LifeEvents => T("一件事", "Life events");
    public string Question => T("问题", "Question");
    public string Yes => T("是", "Yes");
    public string No => T("否", "No");
    public string Continue => T("继续", "Continue");
    public string DoNotKnow => T("不知道，跳过", "I don't know, skip");
    public string AnswerNeeded => T("请选择或填写一个答案，或选择跳过。", "Choose or enter an answer, or skip the question.");
    public string NumberNeeded => T("请填写一个数字，例如 12。", "Enter a number, for example 12.");
    public string DateNeeded => T("请按 年-月-日 填写日期，例如 2017-02-18。", "Enter a date as year-month-day, for example 2017-02-18.");
    public string ResultTitle => T("检查结果", "Your result");
    public string Verdict(Rules.Precheck.Verdict verdict) => verdict switch
    {
        Rules.Precheck.Verdict.Online => T("无需跑腿：可以全程网上办理", "No visit: you can do it all online"),
        Rules.Precheck.Verdict.OneVisit => T("最多跑一次", "At most one visit"),
        Rules.Precheck.Verdict.MultipleVisits => T("需要跑多次", "More than one visit"),
        Rules.Precheck.Verdict.NotYet => T("还不能办：先解决以下问题", "Not yet: first sort out the points below"),
        _ => T("不符合办理条件", "You are not eligible"),
    };
    public string WhatToBring => T("需要您带的材料", "What to bring");
    public string NothingToBring => T("无需自带材料。", "Nothing to bring.");
    public string FetchedForYou => T("政府部门共享，无需提交", "Fetched for you by the government");
    public string From => T("来源", "From");
    public string YouHold => T("您已持有", "You already hold");
    public string WhoDecides => T("谁来办理", "Who decides");
    public string Fees => T("费用", "Fees");
    public string NoFee => T("不收费。", "No fee.");
    public string TimeLimits => T("办理时限", "Time limits");
    public string Statutory => T("法定时限", "Statutory limit");
    public string Promised => T("承诺时限", "Promised limit");
    public string Days(int days, bool working) => English ? $"{days} {(working ? "working " : "")}day{(days == 1 ? "" : "s")}" : $"{days}个{(working ? "工作日" : "自然日")}";
    public string Visits => T("要跑几次", "Visits");
    public string VisitCount(int count) => count switch
    {
        0 => T("不用跑。", "None."),
        1 => T("一次。", "One."),
        _ => English ? $"{count}." : $"{count}次。",
    };
    public string VisitNumber(int visit) => English ? $"Visit {visit}" : $"第{visit}次";
    public string Avoided => T("不用跑的原因", "Trips you are spared");
    public string Obstacles => T("需要先解决", "To sort out first");
    public string Refusal => T("不予办理的依据", "Why not");
    public string StartAgain => T("重新检查", "Start again");
    public string Members => T("包含的事项", "What it includes");
    public string TripsForMatter => T("整件事要跑", "Trips for the whole matter");
    public string NaiveSum => T("逐个部门分别办理要跑", "Department by department it would take");
    public string Apply => T("提交申请", "Apply");
    public string ApplyIntro => T("提交后，材料由办理机关核对；政府部门共享的材料无需提交。", "Once you apply, the office checks your application; what the government fetches you need not bring.");
    public string SignInToApply => T("登录后即可提交申请。", "Sign in to apply.");
    public string CaseTitle => T("我的办件", "Your case");
    public string Stage => T("进度", "Stage");
    public string StageOf(string stage) => stage switch
    {
        "submitted" => T("已提交", "Submitted"),
        "awaiting_supplement" => T("等待补正材料", "Waiting for documents from you"),
        "accepted" => T("已受理", "Accepted"),
        "fetching_evidence" => T("正在向其他部门调取材料", "Fetching documents from other departments"),
        "under_review" => T("审核中", "Under review"),
        "awaiting_pickup" => T("等待领取结果", "Ready to collect"),
        "closed" => T("已办结", "Closed"),
        _ => stage,
    };
    public string Outcome => T("结果", "Outcome");
    public string Approved => T("准予办理", "Approved");
    public string Refused => T("不予办理", "Refused");
    public string WaitingFor => T("正在等待", "Waiting for");
    public string Evidence => T("部门间调取的材料", "Documents fetched from departments");
    public string WhoLookedTitle => T("谁查看了我的信息", "Who looked at my data");
    public string NoOneLooked => T("暂无记录。", "No one yet.");
    public string InboxTitle => T("待办件", "Inbox");
    public string InboxEmpty => T("您所在机关暂无待办件。", "Your authorities have no open cases.");
    public string Queue(string queue) => queue switch
    {
        "acceptance" => T("待受理", "To accept"),
        "pickup" => T("待领取", "To collect"),
        _ => T("待审核", "To review"),
    };
    public string DaysLeft(int? days, bool overdue) => overdue ? T("已超期", "Overdue")
        : days is not { } d ? T("未计时", "No limit running")
        : English ? $"{d} day{(d == 1 ? "" : "s")} left" : $"剩余{d}天";
    public string Decide => T("作出决定", "Decide");
    public string Approve => T("准予", "Approve");
    public string Refuse => T("不予", "Refuse");
    public string ReasonLabel => T("理由（不予办理时必填）", "Reason (required for a refusal)");
    public string Audit => T("办件日志", "Audit trail");
    public string NoSuchCase => T("没有您可查看的该办件。", "There is no such case that you may see.");
    public string BundleCaseTitle => T("我的一件事", "Your life event");
    public string Tasks => T("事项进度", "What it includes, and where each stands");
    public string MemberState(string state) => state switch
    {
        "done" => T("已办结", "Done"),
        "cannot_start_yet" => T("暂不能开始", "Cannot start yet"),
        "running" => T("办理中", "In progress"),
        "waiting" => T("等待中", "Waiting"),
        "refused" => T("不予办理", "Refused"),
        "stopped" => T("已终止", "Stopped"),
        "not_included" => T("不适用", "Not included"),
        _ => T("待开始", "To do"),
    };
    public string WaitsFor => T("等待", "Waits for");
    public string TripsMade => T("已跑次数 / 预计次数", "Trips made / expected");
    public string NotFoundTitle => T("找不到该事项", "No such procedure");
    public string BadFormTitle => T("无法读取表单", "The form could not be read");
    public string BadForm => T("表单已过期或不完整，请从头开始。", "The form has expired or is incomplete; please start again.");
}
