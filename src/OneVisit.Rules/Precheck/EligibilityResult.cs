using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck;

/// <summary>A rule that denies, or may deny, the application.</summary>
/// <param name="Id">The eligibility rule's id, or the custom rule's name.</param>
/// <param name="Denies"><see cref="Truth.True"/> when it denies; <see cref="Truth.Unknown"/> when it may, depending on open questions.</param>
/// <param name="Message">What the applicant is told.</param>
/// <param name="Why">The rule, its position and basis.</param>
public sealed record Denial(string Id, Truth Denies, LocalizedText Message, Reason Why)
{
    /// <summary>The laws and articles the denial rests on: the rule's own <c>basis</c>, else the procedure's legal basis.</summary>
    public IReadOnlyList<LegalBasis> Basis => Why.Basis;

    /// <summary>
    /// The message with its legal basis, as a refusal is stated and kept on a case: <c>message（law article）</c> in
    /// the catalogue's language, <c>message (law article)</c> in English; the message alone when there is no basis.
    /// </summary>
    public LocalizedText Statement
    {
        get
        {
            if (Basis.Count == 0)
            {
                return Message;
            }

            var basis = Basis.Select(b => b.ToString()).ToList();
            return new LocalizedText($"{Message.Text}（{string.Join("；", basis)}）", $"{Message.EnglishOrText} ({string.Join("; ", basis)})");
        }
    }
}

/// <summary>Whether the applicant may have the procedure at all, and why not.</summary>
/// <param name="Eligible">True, false, or unknown until open questions are answered.</param>
/// <param name="Denials">The rules that deny or may deny, in catalogue order.</param>
public sealed record EligibilityResult(Truth Eligible, IReadOnlyList<Denial> Denials);
