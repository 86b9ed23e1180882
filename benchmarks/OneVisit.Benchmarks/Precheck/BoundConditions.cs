using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Benchmarks.Precheck;

/// <summary>A procedure's conditions and an application's facts through the public API: the floor of <see cref="PrecheckBenchmarks"/>.</summary>
internal static class BoundConditions
{
    /// <summary>The facts of <paramref name="request"/> as <see cref="FactValues"/>.</summary>
    public static FactValues ValuesOf(FactSchema schema, PrecheckRequest request)
    {
        var values = schema.CreateValues(request.AsOf ?? throw new InvalidOperationException("The synthetic requests carry their as-of date."));
        foreach (var (path, value) in request.Facts)
        {
            var fact = schema.Find(path) ?? throw new InvalidOperationException($"The synthetic schema has no fact {path}.");
            _ = value switch
            {
                null => values,
                bool b => values.Set(fact, b),
                decimal d => values.Set(fact, d),
                string s => values.Set(fact, s),
                _ => throw new InvalidOperationException($"Unexpected value {value} for {path}."),
            };
        }

        return values;
    }

    /// <summary>Every condition the procedure's rule set evaluates, in catalogue order.</summary>
    public static Condition[] Of(Procedure procedure)
    {
        var conditions = new List<PolicyCondition?>();
        conditions.AddRange(procedure.Conditions.Select(c => c.Check));
        conditions.AddRange(procedure.Eligibility.Select(e => e.DenyWhen));
        conditions.AddRange(procedure.Jurisdiction.Rules.Select(j => j.When));
        foreach (var material in procedure.Materials)
        {
            conditions.Add(material.RequiredWhen);
            conditions.AddRange(material.Exemptions.Select(e => e.When));
        }

        foreach (var step in procedure.Presence)
        {
            conditions.Add(step.When);
            conditions.Add(step.RemoteAlternative?.When);
        }

        conditions.AddRange(procedure.Fees.Select(f => f.When));
        return [.. conditions.OfType<PolicyCondition>().Select(c => c.Condition)];
    }
}
