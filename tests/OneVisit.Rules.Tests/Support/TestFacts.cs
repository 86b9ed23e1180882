using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Tests.Support;

/// <summary>A small fact schema for condition tests, built in code rather than YAML.</summary>
public static class TestFacts
{
    public static readonly FactSchema Schema = Build(
        ("applicant", "is_married", FactType.Of(FactKind.Bool)),
        ("applicant", "has_local_hukou", FactType.Of(FactKind.Bool)),
        ("applicant", "birth_date", FactType.Of(FactKind.Date)),
        ("applicant", "marital_status", FactType.Enum(["single", "married", "divorced", "widowed"])),
        ("applicant", "months_paid", FactType.Of(FactKind.Number)),
        ("enterprise", "name", FactType.Of(FactKind.Text)),
        ("enterprise", "registered_capital", FactType.Of(FactKind.Money)),
        ("enterprise", "founded_on", FactType.Of(FactKind.Date)));

    public static FactSymbol Fact(string path) => Schema.Find(path) ?? throw new ArgumentException(path);

    public static FactValues Values(DateOnly? asOf = null) => Schema.CreateValues(asOf ?? new DateOnly(2017, 2, 18));

    public static Condition Parse(string text)
    {
        var result = ConditionLanguage.Parse(text, Schema);
        Assert.True(result.Succeeded, $"'{text}' did not parse: {string.Join("; ", result.Errors)}");
        return result.Condition!;
    }

    private static FactSchema Build(params (string Entity, string Field, FactType Type)[] facts)
    {
        var slot = 0;
        var location = SourceLocation.StartOf("facts.yaml");
        var entities = facts.GroupBy(f => f.Entity).Select(g => new FactEntity(
            g.Key,
            null,
            [.. g.Select(f => new FactDefinition(new FactSymbol(f.Entity, f.Field, f.Type, slot++), f.Field, new LocalizedText(f.Field + "?"), location))],
            location));
        return new FactSchema([.. entities]);
    }
}
