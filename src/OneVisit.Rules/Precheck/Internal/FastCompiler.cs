using System.Linq.Expressions;
using FastExpressionCompiler;
using NRules.Extensibility;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>
/// Compiles NRules' expressions with FastExpressionCompiler, which is many times quicker to compile than
/// <see cref="LambdaExpression.Compile()"/>; for the rare tree it cannot handle it returns null and we fall back.
/// </summary>
internal sealed class FastCompiler(Action<string> onFallback) : IExpressionCompiler
{
    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate
    {
        if (expression.CompileFast(ifFastFailedReturnNull: true) is { } fast)
        {
            return fast;
        }

        onFallback(expression.ToString());
        return expression.Compile();
    }
}
