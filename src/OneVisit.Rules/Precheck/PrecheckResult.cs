using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck;

/// <summary>A rule that fired during the precheck: its condition may hold.</summary>
/// <param name="Name">The rule's name.</param>
/// <param name="Result"><see cref="Truth.True"/>, or <see cref="Truth.Unknown"/> when it depends on unknown facts.</param>
/// <param name="Condition">The condition's text, for catalogue rules.</param>
/// <param name="Location">Where the rule is written, for catalogue rules.</param>
public sealed record FiredRule(string Name, Truth Result, string? Condition, SourceLocation? Location)
{
    /// <inheritdoc />
    public override string ToString() => Location is { } at ? $"{Name} [{Result}] at {at}" : $"{Name} [{Result}]";
}

/// <summary>A fee that is, or may be, charged.</summary>
/// <param name="Fee">The fee as declared.</param>
/// <param name="Applies">True, or unknown when its condition depends on open questions.</param>
public sealed record FeeDue(Fee Fee, Truth Applies);

/// <summary>
/// Everything a precheck tells the applicant before they leave home: whether, where, with what, in how many trips,
/// what is still unknown, and one notice with every gap.
/// </summary>
public sealed record PrecheckResult
{
    /// <summary>The procedure (the version in force on the as-of date).</summary>
    public required Procedure Procedure { get; init; }

    /// <summary>The date judged on.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Online, one visit, not yet, more visits than promised, or not eligible.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>
    /// What stands in the way: for <see cref="Verdict.NotYet"/> what to supply or answer; for
    /// <see cref="Verdict.NotEligible"/> each refusal's <see cref="Denial.Statement"/> (message and legal basis);
    /// empty otherwise.
    /// </summary>
    public required IReadOnlyList<LocalizedText> Obstacles { get; init; }

    /// <summary>Whether the applicant may have the procedure, and why not.</summary>
    public required EligibilityResult Eligibility { get; init; }

    /// <summary>
    /// The denials that surely apply, each with its message and legal basis (<see cref="Denial.Statement"/>): the
    /// reasons of a <see cref="Verdict.NotEligible"/> verdict, for a case to keep; empty for every other verdict.
    /// </summary>
    public IReadOnlyList<Denial> Refusals => Eligibility.Eligible == Truth.False ? [.. Eligibility.Denials.Where(d => d.Denies == Truth.True)] : [];

    /// <summary>The competent authority and where the case goes.</summary>
    public required RoutingResult Routing { get; init; }

    /// <summary>Every material of the procedure, in catalogue order, with its status.</summary>
    public required IReadOnlyList<MaterialResult> Materials { get; init; }

    /// <summary>The predicted visits and why.</summary>
    public required VisitPrediction Visits { get; init; }

    /// <summary>Unknown facts that would change the answer, most decisive first.</summary>
    public required IReadOnlyList<OpenQuestion> OpenQuestions { get; init; }

    /// <summary>The one notice listing every gap, or null when nothing is missing or the applicant is not eligible.</summary>
    public DeficiencyNotice? Notice { get; init; }

    /// <summary>Fees that are or may be charged.</summary>
    public required IReadOnlyList<FeeDue> Fees { get; init; }

    /// <summary>
    /// The rules that fired, with their positions: the catalogue's rules in the order the procedure declares them
    /// (acceptance, eligibility, jurisdiction, materials, exemptions, presence, remote alternatives, fees), then
    /// custom rules' denials and supplied materials in the order they fired.
    /// </summary>
    public required IReadOnlyList<FiredRule> FiredRules { get; init; }

    /// <summary>The status of material <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">The procedure has no such material.</exception>
    public MaterialResult Material(string id) =>
        Materials.FirstOrDefault(m => m.Id == id)
        ?? throw new KeyNotFoundException($"Procedure {Procedure.Code} has no material '{id}'; it has: {string.Join(", ", Materials.Select(m => m.Id))}.");
}
