namespace OneVisit.Benchmarks.Synthetic;

/// <summary>
/// The lower bound: each generated procedure's conditions as plain C# delegates, made from the generator's own
/// spec (not from the YAML), evaluated over a plain facts object, then the answer composed by hand.
/// </summary>
internal sealed class HandWrittenPrecheck
{
    private readonly Dictionary<string, (ProcedureSpec Procedure, Func<SyntheticFacts, bool>[] Conditions)> _procedures;

    public HandWrittenPrecheck(IEnumerable<ProcedureSpec> procedures) =>
        _procedures = procedures.ToDictionary(p => p.Code, p => (p, p.Conditions.Select(c => c.ToDelegate()).ToArray()), StringComparer.Ordinal);

    public PrecheckAnswer Check(SyntheticApplication application)
    {
        var (procedure, conditions) = _procedures[application.Procedure.Code];
        var holds = new bool[conditions.Length];
        for (var i = 0; i < conditions.Length; i++)
        {
            holds[i] = conditions[i](application.Facts);
        }

        return PrecheckAnswer.Resolve(procedure, holds, application.Documents);
    }
}
