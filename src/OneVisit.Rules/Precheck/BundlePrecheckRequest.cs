namespace OneVisit.Rules.Precheck;

/// <summary>One applicant's situation for a whole bundle (一件事): the joint form's answers and what they hold.</summary>
public sealed record BundlePrecheckRequest
{
    /// <summary>The bundle's code.</summary>
    public required string BundleCode { get; init; }

    /// <summary>The date to judge on; today at the offices when null.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The window the joint application is handed in at, if the applicant comes in person.</summary>
    public string? WindowId { get; init; }

    /// <summary>Answers to the joint form, by fact path; each fact is asked once for every member.</summary>
    public IReadOnlyDictionary<string, object?> Facts { get; init; } = new Dictionary<string, object?>();

    /// <summary>Documents the applicant (or each party) holds; one document serves every member that asks for it.</summary>
    public IReadOnlyList<HeldDocument> Documents { get; init; } = [];

    /// <summary>Codes of optional members the applicant leaves out of the matter.</summary>
    public IReadOnlyList<string> LeftOut { get; init; } = [];
}
