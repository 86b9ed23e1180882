using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.Evidence;

namespace OneVisit.Workflows.Engine;

/// <summary>
/// The only types a case's workflow document may hold, by short alias. Renaming a CLR type is safe; renaming
/// an alias breaks stored cases, so aliases never change.
/// </summary>
internal static class CasePayloads
{
    public static PayloadTypes Create() => new PayloadTypes()
        .Register("ov.case", CaseJson.Default.CaseData)
        .Register("ov.evidence", CaseJson.Default.EvidenceResponse)
        .Register("ov.timeout", CaseJson.Default.CaseTimeout)
        .Register("ov.pickup", CaseJson.Default.PickedUp)
        .Register("ov.supplied", CaseJson.Default.SuppliedDocuments)
        .Register("ov.commitment", CaseJson.Default.SignedCommitment)
        .Register("ov.decision", CaseJson.Default.CaseDecision)
        .Register("ov.closed", CaseJson.Default.CaseClosedNotice)
        .Register("ov.migrated", CaseJson.Default.CaseMigrated)
        .Register("ov.bundle", CaseJson.Default.BundleData)
        .Register("ov.member-finished", CaseJson.Default.MemberFinished)
        .Register("ov.bundle-input", CaseJson.Default.BundleInput)
        .Register("ov.bundle-accepted", CaseJson.Default.BundleAccepted);
}
