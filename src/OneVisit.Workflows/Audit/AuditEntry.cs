namespace OneVisit.Workflows.Audit;

/// <summary>One line of the append-only audit log.</summary>
/// <param name="Sequence">Order of writing.</param>
/// <param name="CaseId">The case.</param>
/// <param name="SubjectId">Whom the case (and any data asked for) is about.</param>
/// <param name="At">When.</param>
/// <param name="Actor">
/// Who: as <see cref="Actors.CaseActor.AuditName"/> names a caller (<c>officer:…</c>, <c>agent:… for …</c>,
/// <c>department:…</c>, <c>applicant:…</c>, <c>system</c>); lines the runtime writes name the party's role
/// (<c>applicant</c>, <c>system</c>) or a department's id.
/// </param>
/// <param name="Action">What happened (see <see cref="AuditActions"/>).</param>
/// <param name="Detail">Human-readable detail.</param>
/// <param name="DataRequested">For evidence requests, the document asked for and from whom; for the data tracker's reads, what was read.</param>
/// <param name="Purpose">For evidence requests, why (procedure and legal basis); for reads, the reader's purpose or the operation.</param>
public sealed record AuditEntry(
    long Sequence,
    string CaseId,
    string SubjectId,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Detail,
    string? DataRequested = null,
    string? Purpose = null);

/// <summary>The actions the case runtime records.</summary>
public static class AuditActions
{
#pragma warning disable CS1591 // The names say it.
    public const string Submitted = "submitted";
    public const string Prechecked = "prechecked";
    public const string NoticeIssued = "notice_issued";
    public const string Supplemented = "supplemented";
    public const string Accepted = "accepted";
    public const string NotAdmitted = "not_admitted";
    public const string Withdrawn = "withdrawn";
    public const string EvidenceRequested = "evidence_requested";
    public const string EvidenceAnswered = "evidence_answered";
    public const string EvidenceTimedOut = "evidence_timed_out";
    public const string ApplicantAsked = "applicant_asked";
    public const string CommitmentSigned = "commitment_signed";
    public const string Routed = "routed";
    public const string Forwarded = "forwarded";
    public const string Decided = "decided";
    public const string Delivered = "delivered";
    public const string Visit = "visit";
    public const string Escalated = "escalated";
    public const string Closed = "closed";
    public const string Reminded = "reminded";
    public const string DeadlineMissed = "deadline_missed";
    public const string AttemptRefused = "attempt_refused";
    public const string MemberStarted = "member_started";
    public const string PassedOn = "passed_on";
    public const string MemberFinished = "member_finished";
    public const string MemberStopped = "member_stopped";
    public const string DataRead = "data_read";
    public const string Consented = "consented";

    /// <summary>
    /// Past applications were read as a what-if population, identities dropped: one line per read on the <c>-</c> chain,
    /// naming the reader, the purpose, the filter and how many cases (<see cref="History.ICaseHistory"/>).
    /// </summary>
    public const string PopulationRead = "population_read";

    /// <summary>
    /// The case moved to a later version of its procedure (<see cref="Migration.ICaseMigrations"/>): one line per case,
    /// naming the old and the new version and what changed for it.
    /// </summary>
    public const string Migrated = "migrated";

    /// <summary>Retention purged the case's documents; the line is the last of its chain (actor <c>system</c>).</summary>
    public const string Purged = "purged";
#pragma warning restore CS1591
}
