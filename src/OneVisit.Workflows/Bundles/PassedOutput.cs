using OneVisit.Rules.Catalog;

namespace OneVisit.Workflows.Bundles;

/// <summary>One member's output passed on to another member as held evidence, without the applicant carrying it.</summary>
/// <param name="DocumentId">The document passed on.</param>
/// <param name="DocumentName">Its name.</param>
/// <param name="FromProcedure">The member that issued it.</param>
/// <param name="FromCaseId">That member's case.</param>
/// <param name="ToProcedure">The member that received it.</param>
/// <param name="ToCaseId">The receiving member's case.</param>
/// <param name="Via">How it travelled.</param>
/// <param name="At">When it was passed on.</param>
public sealed record PassedOutput(
    string DocumentId,
    LocalizedText DocumentName,
    string FromProcedure,
    string FromCaseId,
    string ToProcedure,
    string ToCaseId,
    FlowVia Via,
    DateTimeOffset At);
