using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;

namespace OneVisit.Cli.Demo;

/// <summary>
/// The four errands Hangzhou's mayor tried on one morning in 2017 (shared/seed), and what the applicants and
/// officers do in the replay. Only people are scripted: the precheck, notices, routing, forwarding, evidence
/// requests, deadlines and visit counts all come from the case runtime and the sample catalogue.
/// </summary>
internal static class FoundingErrands
{
    /// <summary>The replay's first morning, a Monday in Hangzhou (UTC+8), as the case tests use.</summary>
    public static readonly DateTimeOffset Morning = new(2017, 2, 20, 9, 0, 0, TimeSpan.FromHours(8));

    public static IReadOnlyList<Errand> All { get; } =
    [
        new(
            1,
            "01-branch-registration.yaml",
            ThenShort: new("未办结：材料不齐", "not finished: materials incomplete"),
            Then: new(
                "由于政策性强、过程复杂，加上材料不齐，这件事没能在现场办结。",
                "The employee's thick pile of materials was incomplete and the policy complex: not finished that morning."),
            [
                new Submit(TimeSpan.Zero, "The company applies online from its office."),
                new Supply(
                    new TimeSpan(5, 0, 0),
                    "The company uploads both documents the one notice listed.",
                    [
                        new HeldDocument("lease_contract", IssuedOn: new DateOnly(2017, 2, 1)),
                        new HeldDocument("branch_head_appointment", IssuedOn: new DateOnly(2017, 2, 15)),
                    ]),
                new Decide(new TimeSpan(1, 1, 0, 0), "An officer of the district's market regulator approves the next morning."),
            ]),
        new(
            2,
            "02-vehicle-transfer-out.yaml",
            ThenShort: new("未办结：表格版本不对", "not finished: outdated form version"),
            Then: new(
                "办完网上申请之后却被告知，由于提交的表格版本不同，仍需再跑一趟。",
                "Applied online, then told at the counter that the form was an outdated version: another trip needed."),
            [
                new Submit(new TimeSpan(0, 40, 0), "The applicant applies online on the 2008 form they already filled in."),
                new Visit(new TimeSpan(1, 30, 0), "The applicant shows the vehicle for inspection and hands in the originals.", "vehicle inspection and hand-in of originals", "hz_vehicle_window"),
                new Decide(new TimeSpan(2, 0, 0), "The vehicle office approves the transfer."),
                new Pickup(new TimeSpan(2, 20, 0), "The applicant takes the new registration before leaving."),
            ]),
        new(
            3,
            "03-company-name-province.yaml",
            ThenShort: new("未办结：审批权限不在市本级，需数个工作日", "not finished: wrong authority, days of delay"),
            Then: new(
                "企业冠省名登记注册的审批权限不在市本级，最快也需几个工作日才能完成。",
                "A name carrying the province's name is approved by the province, not the city: wrong hall, several working days."),
            [
                new Submit(new TimeSpan(1, 20, 0), "The applicant hands the application in at the city's general window.", VisitPurpose: "hand-in at the city's general window"),
                new WrongDecider(new TimeSpan(5, 30, 0), "An officer of the city's market regulator, where the name went in 2017, tries to approve it; only the province's reviewers may, and the refusal is audited.", "hz_amr"),
                new Decide(new TimeSpan(6, 0, 0), "An officer of the provincial market regulator approves it the same afternoon."),
            ]),
        new(
            4,
            "04-housing-fund-rent-withdrawal.yaml",
            ThenShort: new("未办结：需另一部门开具证明", "not finished: certificate from another department"),
            Then: new(
                "办理公积金提取业务，却被告知需要开具无房证明。",
                "A migrant worker was told to bring a 'no housing' certificate from another department first."),
            [
                new Submit(new TimeSpan(2, 10, 0), "The worker applies on the mobile app."),
                new Decide(new TimeSpan(7, 0, 0), "The housing fund centre approves; the money goes to the worker's bank account."),
            ]),
    ];
}

/// <summary>One errand: its sample application, what happened in 2017, and what its people do now.</summary>
/// <param name="Number">1 to 4, as the story tells them.</param>
/// <param name="ApplicationFile">The sample application in the catalogue's <c>applications/</c> folder.</param>
/// <param name="ThenShort">The 2017 outcome, for the summary table.</param>
/// <param name="Then">The 2017 outcome: the news report's own words, and told in English.</param>
/// <param name="Script">What the applicant and officers do, in order.</param>
internal sealed record Errand(int Number, string ApplicationFile, LocalizedText ThenShort, LocalizedText Then, IReadOnlyList<ScriptedAction> Script);

/// <summary>Something a person does at a time after <see cref="FoundingErrands.Morning"/>.</summary>
/// <param name="At">When, after 09:00 on the first morning.</param>
/// <param name="Says">What the demo prints about it.</param>
internal abstract record ScriptedAction(TimeSpan At, string Says);

/// <summary>The applicant applies; with <paramref name="VisitPurpose"/> in person at the application's window.</summary>
internal sealed record Submit(TimeSpan At, string Says, string? VisitPurpose = null) : ScriptedAction(At, Says);

/// <summary>The applicant supplies what the deficiency notice listed.</summary>
internal sealed record Supply(TimeSpan At, string Says, IReadOnlyList<HeldDocument> Documents) : ScriptedAction(At, Says);

/// <summary>The applicant comes to an office for a reason the procedure gives (an inspection, originals).</summary>
internal sealed record Visit(TimeSpan At, string Says, string Purpose, string WindowId) : ScriptedAction(At, Says);

/// <summary>An officer of the competent authority approves.</summary>
internal sealed record Decide(TimeSpan At, string Says) : ScriptedAction(At, Says);

/// <summary>The applicant picks the result up.</summary>
/// <summary>An officer of <paramref name="AuthorityId"/>, not the competent authority, tries to decide: the library refuses (and audits it).</summary>
internal sealed record WrongDecider(TimeSpan At, string Says, string AuthorityId) : ScriptedAction(At, Says);

internal sealed record Pickup(TimeSpan At, string Says) : ScriptedAction(At, Says);
