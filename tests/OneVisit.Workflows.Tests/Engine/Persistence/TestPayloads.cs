using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.Persistence.Sqlite;

namespace OneVisit.Workflows.Tests.Engine.Persistence;

/// <summary>The payload registry the tests use: the built-ins plus the tests' own case data.</summary>
internal static class TestPayloads
{
    public static PayloadTypes Create() => new PayloadTypes()
        .Register<CaseData>("test.case")
        .Register<ApprovalData>("test.approval");
}

/// <summary>Workflow data of the round-trip tests.</summary>
public sealed record CaseData(string Applicant, int Visits, IReadOnlyList<string> Documents)
{
    public bool Equals(CaseData? other) =>
        other is not null && Applicant == other.Applicant && Visits == other.Visits && Documents.SequenceEqual(other.Documents);

    public override int GetHashCode() => HashCode.Combine(Applicant, Visits);
}

/// <summary>Workflow data of the end-to-end test (mutable: WorkflowCore writes step outputs into it).</summary>
public sealed class ApprovalData
{
    public string Key { get; set; } = "";

    public string? Decision { get; set; }

    public int StepsRun { get; set; }
}
