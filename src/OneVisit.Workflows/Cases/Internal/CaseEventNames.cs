namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// The events a case waits for, and their keys. Every wait has its own key (a round number or a material
/// id in it): the engine re-delivers earlier events of a key to a new wait, so a key is never waited on twice.
/// </summary>
internal static class CaseEventNames
{
    public const string Supplement = "onevisit.supplement";
    public const string Evidence = "onevisit.evidence";
    public const string Applicant = "onevisit.applicant";
    public const string Decision = "onevisit.decision";
    public const string Pickup = "onevisit.pickup";

    public static string SupplementKey(string caseId, int round) => $"{caseId}/supplement/{round}";

    public static string MaterialKey(string caseId, string materialId) => $"{caseId}/{materialId}";

    /// <summary>The first answer to an evidence request, published when the department's system replies.</summary>
    public static string AnswerKey(string caseId, string materialId) => $"{caseId}/{materialId}/answer";

    /// <summary>A material accepted with a gap, supplied later.</summary>
    public static string GapKey(string caseId, string materialId) => $"{caseId}/gap/{materialId}";
}
