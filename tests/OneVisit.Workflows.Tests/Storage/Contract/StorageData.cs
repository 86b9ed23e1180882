using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Commitments;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Visits;

namespace OneVisit.Workflows.Tests.Storage.Contract;

/// <summary>Rows for the contract tests, with instants at millisecond precision and a non-UTC offset on purpose.</summary>
internal static class StorageData
{
    /// <summary>2025-03-14 09:26:53.589 in Beijing (+08:00); a store must keep the instant, not the wall-clock time.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(8));

    public static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    public static CaseRow Case(string caseId, string applicantId = "applicant-1", DateTimeOffset? submittedAt = null, string? idempotencyKey = null) =>
        new(caseId, null, idempotencyKey ?? $"key-{caseId}", $"hash-{caseId}", "residence-permit", 3, applicantId, "Submitted", null, "authority-1", submittedAt ?? T0, null);

    public static AuditEntry Line(string caseId, string detail, string subjectId = "subject-1", DateTimeOffset? at = null) =>
        new(0, caseId, subjectId, at ?? T0, "system", AuditActions.Prechecked, detail);

    public static VisitRecord Visit(string caseId, DateTimeOffset at, string applicantId = "applicant-1", string? windowId = "window-7") =>
        new(caseId, applicantId, at, "submit", windowId);

    public static CommitmentEntry Commitment(string caseId, string materialId, DateOnly dueOn, CommitmentKind kind = CommitmentKind.Verify) =>
        new(caseId, materialId, kind, dueOn, T0);

    public static EvidenceRequest Request(string caseId, string materialId) =>
        new($"{caseId}/{materialId}", caseId, "dept-police", $"doc-{materialId}", "subject-1", "residence-permit, art. 12", "authority-1");

    public static TimerRow Timer(string timerId, string caseId, DateTimeOffset due) =>
        new(timerId, caseId, due, TimerKind.Timeout, "onevisit.supplement", $"{caseId}/supplement/1");

    /// <summary>Asserts that <paramref name="actual"/> is <paramref name="expected"/> and came back in UTC.</summary>
    public static void SameInstant(DateTimeOffset expected, DateTimeOffset actual)
    {
        Assert.Equal(expected.UtcDateTime, actual.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, actual.Offset);
    }
}
