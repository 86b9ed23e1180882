using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Guides.Internal;

/// <summary>
/// The words a bundle's guide (一件事办事指南) adds to a procedure's: the joint form, the task list and the matter's
/// visits. Shared words (colons, days, statuses, material columns) stay in <see cref="GuideLabels"/>.
/// </summary>
internal sealed class BundleGuideLabels
{
    public static BundleGuideLabels For(GuideLanguage language) => language == GuideLanguage.English ? English : Chinese;

    public required Func<string, int, string, string> Subtitle { get; init; }
    public required string FormHeading { get; init; }
    public required string TasksHeading { get; init; }
    public required string BundleName { get; init; }
    public required string BundleCode { get; init; }
    public required string Event { get; init; }
    public required Func<LifeEventKind, string> EventKind { get; init; }
    public required string Lead { get; init; }
    public required string Cooperating { get; init; }
    public required string Acceptance { get; init; }
    public required Func<string, string, string> AcceptedAt { get; init; }
    public required string NoAcceptancePoint { get; init; }
    public required string Delivery { get; init; }
    public required Func<BundleDelivery, string> DeliveryWord { get; init; }
    public required string TimeLimit { get; init; }
    public required string Consent { get; init; }
    public required string FormIntro { get; init; }
    public required string FormFromMembers { get; init; }
    public required string TasksIntro { get; init; }
    public required Func<int, string, string, string> Task { get; init; }
    public required string Department { get; init; }
    public required Func<string, string, string> OrBySituation { get; init; }
    public required string Inclusion { get; init; }
    public required string Required { get; init; }
    public required Func<string, string> OnlyWhen { get; init; }
    public required string Optional { get; init; }
    public required string CanStart { get; init; }
    public required string CannotStartYet { get; init; }
    public required Func<string, string, string> Needs { get; init; }
    public required Func<FlowVia, string> Travels { get; init; }
    public required Func<string, string, string> PassedOnBy { get; init; }
    public required Func<string, string> CarriedFrom { get; init; }
    public required string PreparedByOffice { get; init; }
    public required Func<int, int, string> AtMostTrips { get; init; }
    public required string Trip { get; init; }
    public required Func<string, string, string> TripLine { get; init; }
    public required string OnTrip { get; init; }
    public required string OnTheirOwn { get; init; }
    public required Func<string, int, string> OwnCount { get; init; }
    public required string BundleLimit { get; init; }

    public static BundleGuideLabels Chinese { get; } = new()
    {
        Subtitle = (code, version, from) => $"一件事编码 {code} · 第 {version} 版 · {from}起施行",
        FormHeading = "一表申请",
        TasksHeading = "办理事项",
        BundleName = "一件事名称",
        BundleCode = "一件事编码",
        Event = "服务事件",
        EventKind = kind => kind == LifeEventKind.Life ? "个人事件" : "企业事件",
        Lead = "牵头部门",
        Cooperating = "联办部门",
        Acceptance = "受理方式",
        AcceptedAt = (window, channels) => $"一窗受理：{window}（{channels}）",
        NoAcceptancePoint = "各事项分别在其办理部门申请",
        Delivery = "结果送达",
        DeliveryWord = delivery => delivery == BundleDelivery.Unified ? "统一出件：全部结果一次送达" : "各事项分别送达",
        TimeLimit = "承诺时限",
        Consent = "需共同确认",
        FormIntro = "以下问题在联办申请表中只填写一次，适用于全部事项：",
        FormFromMembers = "以下是各事项需要了解的情况，在联办申请表中每项只填写一次：",
        TasksIntro = "按以下顺序办理。前一事项的结果由部门之间传递的，您无需领取，也无需再次提交。",
        Task = (number, name, code) => $"第 {number} 项：{name}（{code}）",
        Department = "办理部门",
        OrBySituation = (main, others) => $"{main}（按情形也可能由{others}办理）",
        Inclusion = "是否办理",
        Required = "必办",
        OnlyWhen = when => $"仅在以下情形办理：{when}",
        Optional = "可选：您可以选择不办",
        CanStart = "可与其他事项同时开始",
        CannotStartYet = "暂不能开始",
        Needs = (member, document) => $"需先由「{member}」出具{document}",
        Travels = via => via switch
        {
            FlowVia.ELicence => "以电子证照传递，您无需领取",
            FlowVia.Push => "由部门之间推送，您无需领取",
            _ => "须由您领取纸质结果后携带提交",
        },
        PassedOnBy = (authority, member) => $"由{authority}在「{member}」办结后传递，无需提交",
        CarriedFrom = member => $"由您领取「{member}」的纸质结果后提交",
        PreparedByOffice = "由办理机关自行制作",
        AtMostTrips = (trips, naive) => $"本一件事最多需到现场 {trips} 次（按最不利的情形计）；若各部门分别办理，合计最多 {naive} 次（每个部门“最多跑一次”）。",
        Trip = "每次跑动：",
        TripLine = (place, why) => $"{place} — {why}",
        OnTrip = "办理",
        OnTheirOwn = "各事项单独办理时的跑动次数（各自办事指南所载）：",
        OwnCount = (name, count) => $"{name}：最多 {count} 次",
        BundleLimit = "一件事承诺时限（自受理至最后一项结果）",
    };

    public static BundleGuideLabels English { get; } = new()
    {
        Subtitle = (code, version, from) => $"{code} · version {version} · in force from {from}",
        FormHeading = "One form",
        TasksHeading = "Tasks",
        BundleName = "Name",
        BundleCode = "Code",
        Event = "Event",
        EventKind = kind => kind == LifeEventKind.Life ? "a person's life event" : "a business event",
        Lead = "Lead department",
        Cooperating = "Cooperating departments",
        Acceptance = "Where to apply",
        AcceptedAt = (window, channels) => $"one acceptance point: {window} ({channels})",
        NoAcceptancePoint = "each task is applied for at its own department",
        Delivery = "Results",
        DeliveryWord = delivery => delivery == BundleDelivery.Unified ? "unified delivery: every result at once" : "each task delivers its own result",
        TimeLimit = "Promised time limit",
        Consent = "Must each confirm",
        FormIntro = "These questions are answered once on the joint form, for every task:",
        FormFromMembers = "What the tasks need to know, each answered once on the joint form:",
        TasksIntro = "In this order. A result one department passes on to the next is neither collected nor handed in by you.",
        Task = (number, name, code) => $"Task {number}: {name} ({code})",
        Department = "Department",
        OrBySituation = (main, others) => $"{main} (depending on the situation, {others})",
        Inclusion = "Applies",
        Required = "always",
        OnlyWhen = when => $"only when: {when}",
        Optional = "optional: you may leave it out",
        CanStart = "can start with the others",
        CannotStartYet = "Cannot start yet",
        Needs = (member, document) => $"needs the {document} from “{member}”",
        Travels = via => via switch
        {
            FlowVia.ELicence => "passed on as an e-licence; you collect nothing",
            FlowVia.Push => "passed on between departments; you collect nothing",
            _ => "you collect it on paper and hand it in",
        },
        PassedOnBy = (authority, member) => $"passed on by {authority} once “{member}” is done; nothing to hand in",
        CarriedFrom = member => $"collect the paper result of “{member}” and hand it in",
        PreparedByOffice = "prepared by the office",
        AtMostTrips = (trips, naive) => $"At most {trips} {(trips == 1 ? "visit" : "visits")} in person for the whole matter (the worst case); {naive} if each department were visited on its own (each “at most once”).",
        Trip = "Each visit:",
        TripLine = (place, why) => $"{place} — {why}",
        OnTrip = "for",
        OnTheirOwn = "Each task on its own (as its own guide states):",
        OwnCount = (name, count) => $"{name}: at most {count}",
        BundleLimit = "The matter's promised limit (from acceptance to the last result)",
    };
}
