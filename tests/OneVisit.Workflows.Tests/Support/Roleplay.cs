using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Evidence;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>
/// The case service as the behaviour tests drive it: each call made by the actor who would make it in an office (the
/// applicant submits and supplies, an intake officer of the case's authority records visits and pickups, a reviewer of
/// its competent authority decides, the department asked answers, the host's processing reads). Authorization itself is
/// tested against the real table in Actors/; here it only has to let the right person through, so every test that
/// drives a case also shows that the rightful actor is allowed.
/// </summary>
internal sealed class RoleplayCases(ICaseService cases) : ICaseService
{
    public const string OfficerId = "officer-7";

    /// <summary>The service as the host's processing: reads everything, changes little.</summary>
    public ICaseService System { get; } = cases.As(CaseActor.System);

    public ICaseService As(CaseActor actor) => cases.As(actor);

    public static CaseActor Reviewer(string authorityId) => CaseActor.Officer(OfficerId, new OfficerPost(authorityId, OfficerRole.Reviewer));

    public static CaseActor Intake(string authorityId) => CaseActor.Officer("intake-3", new OfficerPost(authorityId, OfficerRole.IntakeWindow));

    public Task<CaseSnapshot> SubmitAsync(CaseSubmission submission, CancellationToken cancellationToken = default) =>
        cases.As(Applicant(submission.ApplicantId)).SubmitAsync(submission, cancellationToken);

    /// <summary>The applicant, or for an id the tests make bad on purpose, the host's processing: the call then meets the id's own error.</summary>
    public static CaseActor Applicant(string? id)
    {
        try
        {
            return CaseActor.Applicant(id!);
        }
        catch (InvalidCaseInputException)
        {
            return CaseActor.System;
        }
    }

    public Task<CaseSnapshot> GetAsync(string caseId, CancellationToken cancellationToken = default) => System.GetAsync(caseId, cancellationToken);

    public Task<IReadOnlyList<CaseSummary>> ListAsync(CaseQuery? query = null, CancellationToken cancellationToken = default) => System.ListAsync(query, cancellationToken);

    public async Task SupplyDocumentsAsync(string caseId, SuppliedDocuments documents, CancellationToken cancellationToken = default) =>
        await (await ApplicantOfAsync(caseId, cancellationToken)).SupplyDocumentsAsync(caseId, documents, cancellationToken);

    public async Task SignCommitmentAsync(string caseId, SignedCommitment commitment, CancellationToken cancellationToken = default) =>
        await (await ApplicantOfAsync(caseId, cancellationToken)).SignCommitmentAsync(caseId, commitment, cancellationToken);

    public async Task AnswerEvidenceAsync(string caseId, string materialId, EvidenceResponse answer, CancellationToken cancellationToken = default)
    {
        var department = (await ReadAsync(caseId, cancellationToken))?.Evidence.FirstOrDefault(e => e.MaterialId == materialId)?.DepartmentId;
        await cases.As(department is null ? CaseActor.System : CaseActor.Department(department)).AnswerEvidenceAsync(caseId, materialId, answer, cancellationToken);
    }

    public async Task DecideAsync(string caseId, OfficerDecision decision, CancellationToken cancellationToken = default) =>
        await cases.As(await ReadAsync(caseId, cancellationToken) is { } read ? Reviewer(read.AuthorityId) : CaseActor.System).DecideAsync(caseId, decision, cancellationToken);

    public async Task RecordVisitAsync(string caseId, VisitMade visit, CancellationToken cancellationToken = default) =>
        await cases.As(await ReadAsync(caseId, cancellationToken) is { } read ? Intake(read.AuthorityId) : CaseActor.System).RecordVisitAsync(caseId, visit, cancellationToken);

    public async Task ConfirmPickupAsync(string caseId, CancellationToken cancellationToken = default) =>
        await cases.As(await ReadAsync(caseId, cancellationToken) is { } read ? Intake(read.AuthorityId) : CaseActor.System).ConfirmPickupAsync(caseId, cancellationToken);

    public Task<CaseSnapshot> WaitUntilAsync(string caseId, Func<CaseSnapshot, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        System.WaitUntilAsync(caseId, condition, timeout, cancellationToken);

    private async Task<ICaseService> ApplicantOfAsync(string caseId, CancellationToken cancellationToken) =>
        cases.As(await ReadAsync(caseId, cancellationToken) is { } read ? CaseActor.Applicant(read.ApplicantId) : CaseActor.System);

    /// <summary>The case as the host reads it, or null when the call itself should meet the error (an unknown or invalid id, a bundle's id).</summary>
    private async Task<CaseSnapshot?> ReadAsync(string caseId, CancellationToken cancellationToken)
    {
        try
        {
            return await System.GetAsync(caseId, cancellationToken);
        }
        catch (CaseException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>The bundle case service as the behaviour tests drive it; see <see cref="RoleplayCases"/>.</summary>
internal sealed class RoleplayBundles(IBundleCaseService bundles) : IBundleCaseService
{
    public IBundleCaseService System { get; } = bundles.As(CaseActor.System);

    public IBundleCaseService As(CaseActor actor) => bundles.As(actor);

    public Task<BundleCaseSnapshot> SubmitAsync(BundleSubmission submission, CancellationToken cancellationToken = default) =>
        bundles.As(RoleplayCases.Applicant(submission.ApplicantId)).SubmitAsync(submission, cancellationToken);

    public Task<BundleCaseSnapshot> GetAsync(string bundleCaseId, CancellationToken cancellationToken = default) => System.GetAsync(bundleCaseId, cancellationToken);

    public async Task SupplyDocumentsAsync(string bundleCaseId, SuppliedDocuments documents, CancellationToken cancellationToken = default) =>
        await bundles.As(await ReadAsync(bundleCaseId, cancellationToken) is { } read ? CaseActor.Applicant(read.ApplicantId) : CaseActor.System).SupplyDocumentsAsync(bundleCaseId, documents, cancellationToken);

    /// <summary>A party consents for themselves: tests name the party with <c>As(CaseActor.Applicant(party))</c>.</summary>
    public Task ConsentAsync(string bundleCaseId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("A party consents for themselves: call As(CaseActor.Applicant(party)).ConsentAsync(...).");

    public async Task RecordVisitAsync(string bundleCaseId, VisitMade visit, CancellationToken cancellationToken = default) =>
        await bundles.As(await IntakeAsync(bundleCaseId, cancellationToken)).RecordVisitAsync(bundleCaseId, visit, cancellationToken);

    public async Task ConfirmPickupAsync(string bundleCaseId, CancellationToken cancellationToken = default) =>
        await bundles.As(await IntakeAsync(bundleCaseId, cancellationToken)).ConfirmPickupAsync(bundleCaseId, cancellationToken);

    public Task<BundleCaseSnapshot> WaitUntilAsync(string bundleCaseId, Func<BundleCaseSnapshot, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        System.WaitUntilAsync(bundleCaseId, condition, timeout, cancellationToken);

    private async Task<CaseActor> IntakeAsync(string bundleCaseId, CancellationToken cancellationToken) =>
        await ReadAsync(bundleCaseId, cancellationToken) is { } read ? RoleplayCases.Intake(read.LeadAuthorityId) : CaseActor.System;

    private async Task<BundleCaseSnapshot?> ReadAsync(string bundleCaseId, CancellationToken cancellationToken)
    {
        try
        {
            return await System.GetAsync(bundleCaseId, cancellationToken);
        }
        catch (CaseException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
