using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Testing;

/// <summary>A fact given in a policy test or application.</summary>
/// <param name="Fact">The fact.</param>
/// <param name="Value">Its value (bool, decimal, DateOnly or string); null means explicitly unknown.</param>
/// <param name="Location">Where it was given.</param>
public sealed record GivenFact(FactSymbol Fact, object? Value, SourceLocation Location);

/// <summary>What a policy test expects; a test checks only what it names.</summary>
public sealed record PolicyExpectation
{
    /// <summary>The expected verdict.</summary>
    public Verdict? Verdict { get; init; }

    /// <summary>Whether the applicant is expected to be eligible.</summary>
    public bool? Eligible { get; init; }

    /// <summary>The expected competent authority.</summary>
    public string? AuthorityId { get; init; }

    /// <summary>The authority the case is expected to be forwarded to from the window.</summary>
    public string? ForwardedTo { get; init; }

    /// <summary>The expected number of visits (for a bundle, the trips the whole matter takes).</summary>
    public int? Visits { get; init; }

    /// <summary>For a bundle: the expected sum of the members' own visits ("at most one visit per department").</summary>
    public int? NaiveVisits { get; init; }

    /// <summary>For a bundle: the expected inclusion of members, by procedure code.</summary>
    public IReadOnlyDictionary<string, MemberInclusion> Members { get; init; } = new Dictionary<string, MemberInclusion>();

    /// <summary>
    /// Expected material statuses: for a procedure by material id; for a bundle by document id, written
    /// <c>document@party</c> for a party's own.
    /// </summary>
    public IReadOnlyDictionary<string, MaterialStatus> Materials { get; init; } = new Dictionary<string, MaterialStatus>();

    /// <summary>The exact set of open questions, in any order (empty: none); null when the case does not name them.</summary>
    public IReadOnlyList<FactSymbol>? OpenQuestions { get; init; }
}

/// <summary>One policy test case: given facts and held documents, the expected answer.</summary>
public sealed record PolicyTestCase
{
    /// <summary>The case's name, shown when it fails.</summary>
    public required string Name { get; init; }

    /// <summary>The procedure under test; null for a bundle case.</summary>
    public string? ProcedureCode { get; init; }

    /// <summary>The bundle (一件事) under test; null for a procedure case.</summary>
    public string? BundleCode { get; init; }

    /// <summary>What the case tests, as the report names it: <c>procedure 330100-SC-0001</c> or <c>bundle 330100-YJS-0001</c>.</summary>
    public string Subject => BundleCode is { } bundle ? $"bundle {bundle}" : $"procedure {ProcedureCode}";

    /// <summary>For a bundle: optional members the applicant leaves out.</summary>
    public IReadOnlyList<string> LeftOut { get; init; } = [];

    /// <summary>The date to judge on; the catalogue's <c>as_of</c> when null.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The window where the applicant applies, if any.</summary>
    public string? WindowId { get; init; }

    /// <summary>The facts given.</summary>
    public IReadOnlyList<GivenFact> Facts { get; init; } = [];

    /// <summary>The documents held.</summary>
    public IReadOnlyList<HeldDocument> Documents { get; init; } = [];

    /// <summary>What is expected.</summary>
    public required PolicyExpectation Expect { get; init; }

    /// <summary>Where the case was declared.</summary>
    public required SourceLocation Location { get; init; }
}
