using OneVisit.Rules;

namespace OneVisit.Workflows.Cases;

/// <summary>Base of the errors a caller of <see cref="ICaseService"/> can cause; nothing stored was changed.</summary>
public class CaseException : OneVisitException
{
    /// <summary>Creates the error.</summary>
    public CaseException(string caseId, string message)
        : base(message) => CaseId = caseId;

    /// <summary>The case concerned (empty when there is none).</summary>
    public string CaseId { get; }
}

/// <summary>No case has this id.</summary>
public sealed class CaseNotFoundException(string caseId)
    : CaseException(caseId, $"There is no case '{caseId}'. Check the id returned when the application was submitted, or list cases with ICaseService.ListAsync.");

/// <summary>The case is closed; it takes no more events.</summary>
public sealed class CaseClosedException(string caseId, CaseOutcome? outcome)
    : CaseException(caseId, $"Case '{caseId}' is closed ({outcome?.ToString() ?? "closed"}); it takes no more events. Submit a new application if the applicant needs to continue.")
{
    /// <summary>How the case ended.</summary>
    public CaseOutcome? Outcome { get; } = outcome;
}

/// <summary>
/// The case closed longer ago than the retention period (<see cref="CaseOptions.RetainFinishedCasesFor"/>), so its
/// documents (the application, the evidence, the decision's data) were purged. What remains is its index row
/// (<see cref="Case"/>), its audit trail (<c>IAuditLog.ForCaseAsync</c>, still verifiable) and the visit and commitment
/// ledgers. Nothing was changed.
/// </summary>
public sealed class CasePurgedException(CaseSummary summary, DateTimeOffset purgedAt)
    : CaseException(
        summary?.CaseId ?? throw new ArgumentNullException(nameof(summary)),
        $"Case '{summary.CaseId}' closed on {summary.ClosedAt:u} and its documents were purged on {purgedAt:u} "
        + "after the retention period. Its index row and its audit trail remain: list it with ListAsync and read its audit log (IAuditLog.ForCaseAsync).")
{
    /// <summary>What remains of the case: its index row (procedure, applicant, stage, outcome, authority, dates).</summary>
    public CaseSummary Case { get; } = summary;

    /// <summary>When the case closed.</summary>
    public DateTimeOffset? ClosedAt => Case.ClosedAt;

    /// <summary>When its documents were purged.</summary>
    public DateTimeOffset PurgedAt { get; } = purgedAt;
}

/// <summary>The idempotency key was already used for a different application.</summary>
public sealed class DuplicateSubmissionException(string existingCaseId, string idempotencyKey)
    : CaseException(existingCaseId, $"The idempotency key '{idempotencyKey}' was already used for case '{existingCaseId}' with a different application. Use a new key for a new application, or fetch the existing case.")
{
    /// <summary>The key used twice.</summary>
    public string IdempotencyKey { get; } = idempotencyKey;
}

/// <summary>The case is not waiting for this kind of event now; nothing was recorded.</summary>
public sealed class UnexpectedCaseEventException(string caseId, string message)
    : CaseException(caseId, message);

/// <summary>
/// A call went to the wrong case of a bundle (一件事): to the bundle case for what only a member takes (a decision,
/// a department's answer), to a member for what only the bundle takes, or to a member that has not started (it
/// cannot start yet, was stopped or is not part of the application). The message says which case takes it; nothing
/// was recorded.
/// </summary>
public sealed class WrongBundleMemberException(string caseId, string bundleCaseId, string message)
    : CaseException(caseId, message)
{
    /// <summary>The bundle case the addressed case belongs to (or is).</summary>
    public string BundleCaseId { get; } = bundleCaseId;
}

/// <summary>The application cannot become a case yet: questions the precheck needs answered are open.</summary>
public sealed class IncompleteApplicationException(IReadOnlyList<string> questions)
    : CaseException(string.Empty, "The application cannot be accepted yet; answer first: " + string.Join("; ", questions))
{
    /// <summary>The facts still needed, most important first.</summary>
    public IReadOnlyList<string> Questions { get; } = questions;
}

/// <summary>
/// Another call answered the same wait first (two decisions at once, a supplement racing its deadline, a
/// department's answer after the case stopped waiting): this one was not applied and nothing was changed. Read
/// the case again: retrying helps only if it still waits for what this call brings.
/// </summary>
public sealed class CaseConflictException(string caseId, string message)
    : CaseException(caseId, message);

/// <summary>An argument breaks the documented limits (an identifier too long or with control characters, an undefined enum value); nothing was changed.</summary>
public sealed class InvalidCaseInputException(string caseId, string parameterName, string message)
    : CaseException(caseId, message)
{
    /// <summary>The offending argument, as a path such as <c>submission.ApplicantId</c>.</summary>
    public string ParameterName { get; } = parameterName;
}

/// <summary>
/// The case store failed (disk full, I/O error, locked or corrupt file, runtime stopped). What was being done was not
/// applied, or was applied whole; a submission never leaves a half-made case. <see cref="MayRetry"/> says whether the
/// same call may succeed later.
/// </summary>
public sealed class CaseStoreException(string message, bool mayRetry, Exception? innerException)
    : OneVisitException(message, innerException!)
{
    /// <summary>True when the failure may pass (busy, locked, disk full, I/O error): retry the same call later.</summary>
    public bool MayRetry { get; } = mayRetry;
}

/// <summary>
/// Another OneVisit host runs on the same SQLite file, so this one does not start: two hosts on one file would both
/// run the same cases' steps and timers. Stop the other host, or run several nodes on the PostgreSQL store.
/// </summary>
public sealed class CaseStoreInUseException(string database, string lockFile, Exception innerException)
    : OneVisitException(
        $"The case store {database} is in use by another OneVisit host (it holds the lock file {lockFile}), so this host does not start: "
        + "one SQLite file takes one host. Stop the other host first; to run several nodes on one store, use the PostgreSQL store "
        + "(UsePostgreSql, coming in a package of its own).",
        innerException)
{
    /// <summary>The SQLite file another host holds.</summary>
    public string Database { get; } = database;

    /// <summary>The lock file it holds, next to the database.</summary>
    public string LockFile { get; } = lockFile;
}
