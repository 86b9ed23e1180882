using Microsoft.Extensions.Logging;

namespace OneVisit.Rules.Precheck.Internal;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Compiled the rule set of {ProcedureCode} v{Version}: {RuleCount} rules in {ElapsedMs:F2} ms")]
    public static partial void RuleSetCompiled(ILogger logger, string procedureCode, int version, int ruleCount, double elapsedMs);

    [LoggerMessage(2, LogLevel.Debug, "Evicted the rule set of {ProcedureCode} from the cache (capacity {Capacity})")]
    public static partial void RuleSetEvicted(ILogger logger, string procedureCode, int capacity);

    [LoggerMessage(3, LogLevel.Information, "FastExpressionCompiler could not compile an expression; used Expression.Compile instead: {Expression}")]
    public static partial void CompilerFallback(ILogger logger, string expression);

    [LoggerMessage(4, LogLevel.Debug, "Prechecked {ProcedureCode}: {Verdict}, {MissingCount} gaps, {QuestionCount} open questions")]
    public static partial void Prechecked(ILogger logger, string procedureCode, Verdict verdict, int missingCount, int questionCount);

    [LoggerMessage(5, LogLevel.Debug, "Prechecked bundle {BundleCode}: {Verdict}, {Trips} trips (naive sum {NaiveSum})")]
    public static partial void BundlePrechecked(ILogger logger, string bundleCode, Verdict verdict, int trips, int naiveSum);
}
