using System.ComponentModel.DataAnnotations;
using OneVisit.Rules.Hosting.Internal;
using OneVisit.Workflows.Internal;

namespace OneVisit.Workflows;

/// <summary>
/// Settings of the durable case runtime (see <c>AddWorkflows</c>); configuration section <c>OneVisit:Workflows</c> by
/// convention. Validated when a generic host starts, or when <c>CaseRuntime.StartAsync</c> runs without one.
/// </summary>
public sealed class CaseOptions
{
    /// <summary>The SQLite connection string of the case store; set by <c>UseSqlite</c>. Required.</summary>
    [Required(ErrorMessage = "No case store: call AddWorkflows(w => w.UseSqlite(\"Data Source=onevisit.db\")), or set ConnectionString in the section given to AddWorkflows.")]
    public string? ConnectionString { get; set; }

    /// <summary>Working days the applicant has to supply what the deficiency notice lists; then the application counts as withdrawn. Default 10.</summary>
    [ExplainedRange(1, int.MaxValue, ErrorMessage = "{0} must be at least {1}: the applicant needs a working day to supply what the notice lists")]
    public int SupplementWorkingDays { get; set; } = 10;

    /// <summary>
    /// How long a department's first answer to an evidence request is waited for, and a "later" answer that gave no
    /// date (one that gave a date is waited for until that date); then the applicant is asked instead. Default one day.
    /// </summary>
    [ExplainedRange(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", MinimumIsExclusive = true, ErrorMessage = "{0} must be positive")]
    public TimeSpan EvidenceTimeout { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Working days before one of the applicant's deadlines (a supplement, a document asked for, a gap, a pickup)
    /// when they are reminded (an escalation with reason <c>reminder</c> and an audit line). Default 2; 0 sends none.
    /// </summary>
    [ExplainedRange(0, int.MaxValue, ErrorMessage = "{0} cannot be negative; 0 sends no reminder")]
    public int ReminderWorkingDaysBefore { get; set; } = 2;

    /// <summary>Working days a result ready for pickup is waited for; then the case closes with the result kept at the office. Default 20.</summary>
    [ExplainedRange(1, int.MaxValue, ErrorMessage = "{0} must be at least {1}")]
    public int PickupWorkingDays { get; set; } = 20;

    /// <summary>
    /// Evidence requests in flight at once to one department's system. Requests are sent outside the engine, so this
    /// bounds the load on a department, not the cases the engine runs. Default 256.
    /// </summary>
    [ExplainedRange(1, int.MaxValue, ErrorMessage = "{0} must be at least {1}")]
    public int MaxRequestsPerDepartment { get; set; } = 256;

    /// <summary>
    /// How long the step that sends an evidence request waits for a quick answer before giving its engine slot back.
    /// A department that answers within it is handled in the same step (one save, no event); a slower one is
    /// awaited as an event. This is real time, a cost bound, not a deadline of the case. Default 50 ms; zero
    /// always waits for an event.
    /// </summary>
    [ExplainedRange(typeof(TimeSpan), "00:00:00", "00:00:05", ErrorMessage = "{0} must be between 0 and 5 seconds; a longer wait holds one of the engine's slots")]
    public TimeSpan EvidenceInlineWait { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Working days before a limit falls due when the "nearing" escalation is raised. Default 1.</summary>
    [ExplainedRange(0, int.MaxValue, ErrorMessage = "{0} cannot be negative; 0 raises no \"nearing\" escalation")]
    public int WarnWorkingDaysBefore { get; set; } = 1;

    /// <summary>
    /// How often the engine looks for work it was not told about: a safety net only, since timers and events
    /// wake cases directly. Default 10 seconds.
    /// </summary>
    [ExplainedRange(typeof(TimeSpan), "00:00:00.1", "10675199.02:48:05.4775807", ErrorMessage = "{0} must be at least 100 ms; shorter only burns CPU, since timers and events wake cases directly")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a step that failed (a department's system unreachable, say) waits before it runs again.
    /// Default 10 seconds.
    /// </summary>
    [ExplainedRange(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", MinimumIsExclusive = true, ErrorMessage = "{0} must be positive")]
    public TimeSpan StepRetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Cases the engine runs at once. Default: four per processor, at least 16, because a running case mostly
    /// waits for the store's commit rather than computes (on two cores, 4 at once completed about 360 cases a
    /// second and 16 about 640).
    /// </summary>
    [ExplainedRange(1, int.MaxValue, ErrorMessage = "{0} must be at least {1}")]
    public int MaxConcurrentCases { get; set; } = Math.Max(Environment.ProcessorCount * 4, 16);

    /// <summary>
    /// The key that seals the audit log: base64 of at least 32 random bytes (e.g. <c>openssl rand -base64 32</c>). With
    /// it every audit line also carries an HMAC of its hash, so someone who can write the store's file but does not
    /// hold the key cannot rebuild a chain that verifies. Keep it outside the store (a secret store, an environment
    /// variable). Without it lines are still hash-chained, which shows edits but not a rebuilt chain (docs/audit.md).
    /// </summary>
    [AuditKey]
    public string? AuditKey { get; set; }

    /// <summary>
    /// How long a finished case's documents are kept after it closed; then they are purged (docs/security.md,
    /// "Retention"): the workflow document with the application and its data, and everything the engine kept for it,
    /// and the departments' answers. The case's index row (with the applicant's id), its audit lines (which gain a
    /// <c>purged</c> line and still verify) and the visit and commitment ledgers are kept. Default null: kept forever,
    /// because how long records are kept is set by law, per jurisdiction and kind of record; set it to what applies
    /// (e.g. <c>"3650.00:00:00"</c> for ten years). Must be positive when set.
    /// </summary>
    [ExplainedRange(typeof(TimeSpan), "00:00:00", "10675199.02:48:05.4775807", MinimumIsExclusive = true, ErrorMessage = "{0} must be positive when set; leave it unset to keep finished cases forever")]
    public TimeSpan? RetainFinishedCasesFor { get; set; }

    /// <summary>
    /// How often the case runtime looks for finished cases past <see cref="RetainFinishedCasesFor"/> and purges them
    /// (<c>ICaseRetention.PurgeAsync</c>), on the host's <see cref="TimeProvider"/>; the first sweep runs one interval
    /// after the start. Unused while retention is unset. Between 1 minute and 30 days; default one hour.
    /// </summary>
    [ExplainedRange(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "{0} must be between 1 minute and 30 days; retention is counted in days, so a sweep every minute is plenty and one a month the least that keeps to it")]
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
