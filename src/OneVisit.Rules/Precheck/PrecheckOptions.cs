using System.ComponentModel.DataAnnotations;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules.RuleModel;
using OneVisit.Rules.Hosting.Internal;

namespace OneVisit.Rules.Precheck;

/// <summary>
/// Options for <see cref="PrecheckEngine"/>; in a host, the <c>Precheck</c> part of <c>OneVisitOptions</c>
/// (configuration section <c>OneVisit:Precheck</c>). Validated when the engine is built, by the same rules in and
/// out of a host.
/// </summary>
public sealed class PrecheckOptions
{
    /// <summary>The tag prefix that limits a custom rule to one procedure: <c>[Tag("procedure:330100-SC-0001")]</c>.</summary>
    public const string ProcedureTagPrefix = "procedure:";

    private readonly List<IRuleDefinition> _customRules = [];

    /// <summary>
    /// How many procedures' compiled rule sets are kept (least recently used go first). Each procedure compiles in
    /// about a millisecond on first use; the default keeps a busy office's working set without holding a whole
    /// province's catalogue in memory.
    /// </summary>
    [ExplainedRange(1, int.MaxValue, ErrorMessage = "{0} must be at least {1}: the procedure being checked has to stay compiled")]
    public int RuleSetCacheCapacity { get; set; } = 512;

    /// <summary>Compile rule expressions with FastExpressionCompiler (falls back to <c>Expression.Compile</c> per expression).</summary>
    public bool UseFastExpressionCompiler { get; set; } = true;

    /// <summary>
    /// Working days for deadlines (notice, accept-with-gap). Monday to Friday by default. From configuration:
    /// <c>Calendar:Holidays</c> and <c>Calendar:WorkedWeekendDays</c>, lists of ISO dates (see <c>AddOneVisit</c>).
    /// </summary>
    [Required(ErrorMessage = "PrecheckOptions.Calendar must be set; use WorkingCalendar.MondayToFriday for the default.")]
    public WorkingCalendar Calendar { get; set; } = WorkingCalendar.MondayToFriday;

    /// <summary>Custom rules that join procedures' rule sets.</summary>
    public IReadOnlyList<IRuleDefinition> CustomRules => _customRules;

    /// <summary>
    /// Adds NRules.Fluent rules. A rule tagged <c>procedure:&lt;code&gt;</c> joins that procedure's rule set only;
    /// an untagged rule joins every procedure's. Rules match <see cref="PrecheckApplication"/> (and
    /// <see cref="RequiredMaterial"/>) and act through <see cref="PrecheckApplication.Deny"/> and
    /// <see cref="PrecheckApplication.Supply"/>.
    /// </summary>
    /// <param name="ruleTypes">Rule classes deriving from <see cref="Rule"/>.</param>
    public PrecheckOptions AddRules(params Type[] ruleTypes) => AddRules(new DefaultRuleActivator(), ruleTypes);

    /// <summary>Adds NRules.Fluent rules created by <paramref name="activator"/> (e.g. from a DI container).</summary>
    public PrecheckOptions AddRules(IRuleActivator activator, params Type[] ruleTypes)
    {
        ArgumentNullException.ThrowIfNull(activator);
        ArgumentNullException.ThrowIfNull(ruleTypes);
        foreach (var type in ruleTypes)
        {
            if (type is null || !typeof(Rule).IsAssignableFrom(type) || type.IsAbstract)
            {
                throw new ArgumentException($"{type?.FullName ?? "null"} is not a concrete NRules.Fluent rule class (deriving from NRules.Fluent.Dsl.Rule).", nameof(ruleTypes));
            }
        }

        var repository = new RuleRepository(activator);
        // The types are named explicitly, so nested and non-public rule classes count too (NRules' scanner skips them by default).
        repository.Load(spec => spec.From(scan => scan.Type(ruleTypes).NestedTypes().PrivateTypes()));
        _customRules.AddRange(repository.GetRuleSets().SelectMany(set => set.Rules));
        return this;
    }

    /// <summary>Adds rules already built with <c>NRules.RuleModel</c>.</summary>
    public PrecheckOptions AddRules(IEnumerable<IRuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _customRules.AddRange(rules);
        return this;
    }
}
