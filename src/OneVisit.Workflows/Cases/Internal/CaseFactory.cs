using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Commitments;

namespace OneVisit.Workflows.Cases.Internal;

/// <summary>Turns a submission and its precheck into a new case's data.</summary>
internal static class CaseFactory
{
    public static CaseData Create(string caseId, CaseSubmission submission, PrecheckResult precheck, DateTimeOffset now)
    {
        // A refusal is final: no open question has to be answered before the case is closed as not admitted.
        var unsettled = precheck.OpenQuestions
            .Where(q => precheck.Verdict != Verdict.NotEligible)
            .Where(q => precheck.Eligibility.Eligible == Truth.Unknown || !precheck.Routing.Decided || precheck.Materials.Any(m => m.Status == MaterialStatus.Undecided))
            .Select(q => $"{q.Path}: {q.Question.Text}")
            .ToList();
        if (unsettled.Count > 0)
        {
            throw new IncompleteApplicationException(unsettled);
        }

        var procedure = precheck.Procedure;
        return new CaseData
        {
            CaseId = caseId,
            ApplicantId = submission.ApplicantId!,
            Terms = CaseTermsFactory.From(procedure, precheck.Materials.Select(m => m.Document).DistinctBy(d => d.Id).ToDictionary(d => d.Id)),
            WindowId = submission.Application.WindowId,
            SubmittedAt = now,
            JudgedOn = precheck.AsOf,
            Stage = CaseStage.Submitted,
            AuthorityId = precheck.Routing.Authority.Id,
            ForwardedFromWindowId = precheck.Routing.ForwardedTo is not null ? submission.Application.WindowId : null,
            Denials = [.. precheck.Refusals.Select(d => d.Statement.Text)],
            Gaps =
            [
                .. precheck.Materials
                    .Where(m => m.Status is MaterialStatus.Missing or MaterialStatus.Outdated)
                    .Select(m => new CaseGap { MaterialId = m.Id, DocumentId = m.Document.Id, Status = CatalogWords.Of(m.Status), CurrentEdition = m.CurrentVersion?.Version }),
            ],
            NoticeText = precheck.Notice?.ToChinese(),
            Owed =
            [
                .. precheck.Materials
                    .Where(m => m.Status == MaterialStatus.AcceptWithGap)
                    .Select(m => new CaseOwed
                    {
                        MaterialId = m.Id,
                        DocumentId = m.Document.Id,
                        DueOn = m.SupplyBy ?? precheck.AsOf,
                        OnMissed = CatalogWords.Of(m.OnMissed ?? MissedDeadline.Withdraw),
                    }),
            ],
            Commitments =
            [
                .. precheck.Materials
                    .Where(m => m.Status is MaterialStatus.Commitment or MaterialStatus.AcceptWithGap)
                    .Select(m => new CaseCommitment
                    {
                        MaterialId = m.Id,
                        Kind = m.Status == MaterialStatus.Commitment ? CommitmentKind.Verify : CommitmentKind.Supply,
                        DueOn = m.VerifyBy ?? m.SupplyBy ?? precheck.AsOf,
                    }),
            ],
            Evidence =
            [
                .. precheck.Materials
                    .Where(m => m.Status is MaterialStatus.Fetched or MaterialStatus.ELicence)
                    .Select(m => new CaseEvidence
                    {
                        MaterialId = m.Id,
                        DocumentId = m.Document.Id,
                        DepartmentId = m.Source?.Id ?? m.Document.IssuedBy ?? "e_licence_library",
                    }),
            ],
            Delivery = ChooseDelivery(procedure, submission.PreferredDelivery),
            PredictedVisits = precheck.Visits.Count,
        };
    }

    private static ResultDelivery ChooseDelivery(Procedure procedure, ResultDelivery? preferred)
    {
        if (preferred is { } wanted && procedure.ResultDelivery.Contains(wanted))
        {
            return wanted;
        }

        var offered = procedure.ResultDelivery;
        return offered.FirstOrDefault(d => d != ResultDelivery.Pickup, offered.Count > 0 ? offered[0] : ResultDelivery.Pickup);
    }

    /// <summary>A fingerprint of the application, to tell a retry from a different application under the same key.</summary>
    public static string Fingerprint(CaseSubmission submission)
    {
        var app = submission.Application;
        return Fingerprint(submission.ApplicantId!, app.ProcedureCode, app.WindowId, app.AsOf, submission.PreferredDelivery, app.Facts, app.Documents, []);
    }

    /// <summary>The same for any application: who, what, where, when, its facts, its documents and anything else that tells two apart.</summary>
    public static string Fingerprint(
        string applicantId, string code, string? windowId, DateOnly? asOf, ResultDelivery? delivery,
        IReadOnlyDictionary<string, object?> facts, IReadOnlyList<HeldDocument> documents, IEnumerable<string> more)
    {
        var text = new StringBuilder();
        text.Append(applicantId).Append('|').Append(code).Append('|').Append(windowId).Append('|')
            .Append(asOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('|').Append(delivery);
        foreach (var (path, value) in facts.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append('|').Append(path).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        foreach (var document in documents.OrderBy(d => d.DocumentId, StringComparer.Ordinal).ThenBy(d => d.Party, StringComparer.Ordinal))
        {
            text.Append('|').Append(document with { Location = null });
        }

        foreach (var item in more)
        {
            text.Append('|').Append(item);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
