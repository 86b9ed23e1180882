using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Precheck;

/// <summary>An unknown fact whose answer would change the precheck, with the question to ask.</summary>
/// <param name="Fact">The fact as <c>facts.yaml</c> declares it.</param>
/// <param name="Weight">How decisive it is: higher means it decides more of the answer (eligibility and routing weigh most).</param>
/// <param name="Affects">The rules whose outcome waits for it.</param>
public sealed record OpenQuestion(FactDefinition Fact, int Weight, IReadOnlyList<string> Affects)
{
    /// <summary>The question to put to the applicant.</summary>
    public LocalizedText Question => Fact.Question;

    /// <summary>The fact's path.</summary>
    public string Path => Fact.Path;
}
