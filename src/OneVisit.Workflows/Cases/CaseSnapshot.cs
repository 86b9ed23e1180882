using OneVisit.Rules.Catalog;

namespace OneVisit.Workflows.Cases;

/// <summary>A case as it stands: where it is, what it waits for, its clocks and its visits.</summary>
public sealed record CaseSnapshot
{
    /// <summary>The case id.</summary>
    public required string CaseId { get; init; }

    /// <summary>The procedure's code.</summary>
    public required string ProcedureCode { get; init; }

    /// <summary>The procedure version the case started on; it keeps it to the end.</summary>
    public required int ProcedureVersion { get; init; }

    /// <summary>The procedure's name.</summary>
    public required LocalizedText ProcedureName { get; init; }

    /// <summary>Whom the case is about.</summary>
    public required string ApplicantId { get; init; }

    /// <summary>Where it is.</summary>
    public required CaseStage Stage { get; init; }

    /// <summary>How it ended, once closed.</summary>
    public CaseOutcome? Outcome { get; init; }

    /// <summary>Why it ended that way (refusal reason, denial, missed deadline).</summary>
    public string? OutcomeReason { get; init; }

    /// <summary>The competent authority.</summary>
    public required string AuthorityId { get; init; }

    /// <summary>The window it was handed in at, when that window's authority is not the competent one and forwarded it.</summary>
    public string? ForwardedFromWindowId { get; init; }

    /// <summary>When it was submitted.</summary>
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>When it was closed.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>What the case waits for now, from whom, and by when.</summary>
    public required IReadOnlyList<AwaitedItem> Awaiting { get; init; }

    /// <summary>Documents requested from other departments, and their answers.</summary>
    public required IReadOnlyList<EvidenceItem> Evidence { get; init; }

    /// <summary>The statutory and promised limits.</summary>
    public required IReadOnlyList<CaseDeadline> Deadlines { get; init; }

    /// <summary>Whether the clock is stopped, and why (time the law does not count, e.g. waiting for the applicant).</summary>
    public string? ClockPausedFor { get; init; }

    /// <summary>The officer's decision, once made.</summary>
    public OfficerDecision? Decision { get; init; }

    /// <summary>How the result reaches (or reached) the applicant; null when the case ended without a result (not admitted, withdrawn, refused).</summary>
    public ResultDelivery? Delivery { get; init; }

    /// <summary>Materials accepted with a gap (容缺), their last day and whether they came.</summary>
    public IReadOnlyList<AcceptedGap> AcceptedGaps { get; init; } = [];

    /// <summary>What the officer must weigh besides the application (deadlines the applicant missed where the catalogue says the officer decides).</summary>
    public IReadOnlyList<string> ForOfficer { get; init; } = [];

    /// <summary>Visits the precheck predicted.</summary>
    public required int PredictedVisits { get; init; }

    /// <summary>Visits actually made so far.</summary>
    public required int VisitsMade { get; init; }

    /// <summary>Whether the case is closed.</summary>
    public bool IsClosed => Stage == CaseStage.Closed;
}

/// <summary>What a case waits for: who must do what, by when. Every wait has a due date and a consequence.</summary>
/// <param name="Kind">supplement (the one-time notice), evidence (a department), applicant (a document a department could not provide), gap (a material accepted with a gap), decision or pickup.</param>
/// <param name="From">Who must act: <c>applicant</c>, a department's id, or the competent authority's id.</param>
/// <param name="What">In the catalogue's words: the document's name, or what is to be done.</param>
/// <param name="Due">When the wait ends: the end of its last day (for a decision, of the nearest time limit).</param>
public sealed record AwaitedItem(string Kind, string From, string What, DateTimeOffset? Due)
{
    /// <summary>What the person must do: <c>supply</c>, <c>supply_or_commit</c>, <c>answer</c>, <c>decide</c> or <c>pick_up</c>.</summary>
    public string Action { get; init; } = "";

    /// <summary>The material concerned, when there is one.</summary>
    public string? MaterialId { get; init; }

    /// <summary>The last day, as the person is told (in the offices' time zone).</summary>
    public DateOnly? LastDay { get; init; }

    /// <summary>Whether the last day has passed (the consequence is being applied).</summary>
    public bool Overdue { get; init; }
}

/// <summary>A document the office asked another department for.</summary>
/// <param name="MaterialId">The procedure's material.</param>
/// <param name="DocumentId">The document type.</param>
/// <param name="DepartmentId">The department asked.</param>
/// <param name="State">
/// pending (not asked yet), requested (asked, no answer yet), waiting (answered "later"), received,
/// awaiting_applicant (the department could not provide it), committed, supplied, missed (the applicant let the
/// deadline pass), and, once the case closed, not_requested (never asked) or cancelled (asked, no longer needed).
/// </param>
/// <param name="Note">The department's answer, or why the applicant was asked.</param>
public sealed record EvidenceItem(string MaterialId, string DocumentId, string DepartmentId, string State, string? Note)
{
    /// <summary>The document's name in the catalogue's words.</summary>
    public string? DocumentName { get; init; }
}

/// <summary>A material accepted with a gap (容缺受理): owed after acceptance by its last day.</summary>
/// <param name="MaterialId">The material.</param>
/// <param name="DocumentName">Its document's name in the catalogue's words.</param>
/// <param name="LastDay">The last day to supply it.</param>
/// <param name="State">owed, supplied or missed.</param>
/// <param name="OnMissed">What a missed deadline leads to: withdraw or officer_decides.</param>
public sealed record AcceptedGap(string MaterialId, string DocumentName, DateOnly LastDay, string State, string OnMissed);

/// <summary>Where a time limit stands.</summary>
public enum DeadlineState
{
    /// <summary>The case is not accepted yet: the clock has not started.</summary>
    NotStarted,

    /// <summary>The clock runs and the limit has not passed.</summary>
    Running,

    /// <summary>The clock stands still (time the law does not count, e.g. waiting for the applicant).</summary>
    Paused,

    /// <summary>Decided by the limit.</summary>
    Met,

    /// <summary>The limit passed before a decision (shown as soon as it passes, while the case is still open).</summary>
    Missed,

    /// <summary>The case closed without a decision (not admitted, withdrawn) before the limit passed.</summary>
    Stopped,
}

/// <summary>A time limit of a case.</summary>
/// <param name="Kind">statutory or promised.</param>
/// <param name="Days">The limit.</param>
/// <param name="WorkingDays">Whether the days are working days.</param>
/// <param name="Due">When it falls due (the end of its last day), with paused time added; null before acceptance.</param>
/// <param name="State">Where it stands.</param>
public sealed record CaseDeadline(string Kind, int Days, bool WorkingDays, DateTimeOffset? Due, DeadlineState State)
{
    /// <summary>The last day, in the offices' time zone: the date every message about this limit gives.</summary>
    public DateOnly? LastDay { get; init; }

    /// <summary>Whether the case was decided in time: null until that is known.</summary>
    public bool? Met => State switch
    {
        DeadlineState.Met => true,
        DeadlineState.Missed => false,
        _ => null,
    };
}
