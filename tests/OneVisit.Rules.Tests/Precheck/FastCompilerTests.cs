using System.Linq.Expressions;
using OneVisit.Rules.Precheck.Internal;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>FastExpressionCompiler compiles what it can; what it cannot falls back to Expression.Compile and is reported.</summary>
public sealed class FastCompilerTests
{
    [Fact]
    public void Compile_ExpressionFastExpressionCompilerHandles_DoesNotFallBack()
    {
        var fallbacks = new List<string>();
        var x = Expression.Parameter(typeof(int), "x");

        var add = new FastCompiler(fallbacks.Add).Compile(Expression.Lambda<Func<int, int>>(Expression.Add(x, Expression.Constant(1)), x));

        Assert.Equal(42, add(41));
        Assert.Empty(fallbacks);
    }

    [Fact]
    public void Compile_QuotedLambdaFastExpressionCompilerRefuses_FallsBackAndReportsIt()
    {
        var fallbacks = new List<string>();
        var quoted = Expression.Lambda<Func<Expression<Func<int>>>>(Expression.Quote(Expression.Lambda<Func<int>>(Expression.Constant(7))));

        var compiled = new FastCompiler(fallbacks.Add).Compile(quoted);

        Assert.Equal(7, compiled().Compile()());
        Assert.Single(fallbacks);
    }
}
