using OneVisit.Benchmarks.Synthetic;
using RulesEngine.HelperFunctions;
using RulesEngine.Models;

namespace OneVisit.Benchmarks.Scale;

/// <summary>
/// Microsoft RulesEngine 6.0.1 given the same rules: one workflow per procedure, one lambda-expression rule per
/// condition, over the same plain facts object as the hand-written baseline; the answer is then composed by the
/// same code. Fair settings: the compiled-workflow cache holds every workflow (its default of 1,000 would
/// recompile evicted ones, about 2 ms a time) and input types are not auto-registered.
/// </summary>
internal sealed class RulesEnginePeer
{
    private const string Input = "f";
    private readonly RulesEngine.RulesEngine _engine;

    public RulesEnginePeer(IReadOnlyCollection<ProcedureSpec> procedures)
    {
        var workflows = procedures.Select(p => new Workflow
        {
            WorkflowName = p.Code,
            Rules = [.. p.Conditions.Select((c, i) => new Rule
            {
                RuleName = $"c{i}",
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                Expression = c.ToLambda(Input),
            })],
        }).ToArray();
        _engine = new RulesEngine.RulesEngine(workflows, Settings(procedures.Count));
    }

    /// <summary>The settings a team tuning RulesEngine for a large catalogue would use.</summary>
    public static ReSettings Settings(int workflows) => new()
    {
        CacheConfig = new MemCacheConfig { SizeLimit = Math.Max(workflows, 1000) },
        AutoRegisterInputType = false,
    };

    public PrecheckAnswer Check(SyntheticApplication application)
    {
        var results = _engine.ExecuteAllRulesAsync(application.Procedure.Code, new RuleParameter(Input, application.Facts)).AsTask().GetAwaiter().GetResult();
        var holds = new bool[results.Count];
        for (var i = 0; i < holds.Length; i++)
        {
            var result = results[i];
            if (!string.IsNullOrEmpty(result.ExceptionMessage))
            {
                throw new InvalidOperationException($"RulesEngine failed on {application.Procedure.Code}/{result.Rule.RuleName} ({result.Rule.Expression}): {result.ExceptionMessage}");
            }

            holds[i] = result.IsSuccess;
        }

        return PrecheckAnswer.Resolve(application.Procedure, holds, application.Documents);
    }
}
