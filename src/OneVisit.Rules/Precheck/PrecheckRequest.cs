namespace OneVisit.Rules.Precheck;

/// <summary>
/// An application to precheck: the procedure, what is known about the applicant, the documents they hold and,
/// optionally, the window where they apply. Facts are given by path (<c>entity.field</c>); any may be missing.
/// </summary>
public sealed record PrecheckRequest
{
    /// <summary>The procedure's code, e.g. <c>330100-SC-0001</c>.</summary>
    public required string ProcedureCode { get; init; }

    /// <summary>The date to judge on; today by the engine's <see cref="TimeProvider"/> when null.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The intake window where the applicant applies, if known.</summary>
    public string? WindowId { get; init; }

    /// <summary>
    /// Facts by path. Values are <see cref="bool"/>, a number (<see cref="decimal"/>, <see cref="int"/>,
    /// <see cref="long"/>), <see cref="DateOnly"/> or <see cref="string"/> (text and enum facts); null means unknown.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Facts { get; init; } = new Dictionary<string, object?>();

    /// <summary>The documents the applicant holds.</summary>
    public IReadOnlyList<HeldDocument> Documents { get; init; } = [];
}
