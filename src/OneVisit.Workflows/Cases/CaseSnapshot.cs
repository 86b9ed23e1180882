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
    public CaseDecision? Decision { get; init; }

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

    /// <summary>For a member of a life-event bundle (一件事), its bundle case; its visits are predicted and counted there.</summary>
    public string? BundleCaseId { get; init; }

    /// <summary>Whether the case is closed.</summary>
    public bool IsClosed => Stage == CaseStage.Closed;
}
