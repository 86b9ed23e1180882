using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck;

/// <summary>A rule that denies, or may deny, the application.</summary>
/// <param name="Id">The eligibility rule's id, or the custom rule's name.</param>
/// <param name="Denies"><see cref="Truth.True"/> when it denies; <see cref="Truth.Unknown"/> when it may, depending on open questions.</param>
/// <param name="Message">What the applicant is told.</param>
/// <param name="Why">The rule, its position and basis.</param>
public sealed record Denial(string Id, Truth Denies, LocalizedText Message, Reason Why);

/// <summary>Whether the applicant may have the procedure at all, and why not.</summary>
/// <param name="Eligible">True, false, or unknown until open questions are answered.</param>
/// <param name="Denials">The rules that deny or may deny, in catalogue order.</param>
public sealed record EligibilityResult(Truth Eligible, IReadOnlyList<Denial> Denials);
