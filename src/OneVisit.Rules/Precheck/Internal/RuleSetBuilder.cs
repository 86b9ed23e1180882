using System.Linq.Expressions;
using System.Reflection;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>
/// Turns one procedure's conditions into NRules rules with <c>NRules.RuleModel</c> builders, in the lean shape the
/// measurements favour: one pattern per rule on the application, fired when the condition may hold, the action
/// recording whether it surely holds into the application's collector. Materials, exemptions and visits are then
/// resolved in C# from those truths. Facts are chained (a <see cref="RequiredMaterial"/> inserted per required
/// material) only when a custom rule of the procedure matches them.
/// </summary>
internal sealed class RuleSetBuilder
{
    private static readonly MethodInfo RecordMethod = typeof(PrecheckApplication).GetMethod(nameof(PrecheckApplication.Record), BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly MethodInfo RequireMethod = typeof(PrecheckApplication).GetMethod(nameof(PrecheckApplication.Require), BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly MethodInfo InsertMethod = typeof(IContext).GetMethod(nameof(IContext.Insert), [typeof(object)])!;

    private readonly Procedure _procedure;
    private readonly bool _chainMaterials;
    private readonly List<RuleDescriptor> _rules = [];
    private readonly IReadOnlyList<IRuleDefinition> _customRules;

    private RuleSetBuilder(Procedure procedure, bool chainMaterials, IReadOnlyList<IRuleDefinition> customRules)
    {
        _customRules = customRules;
        _procedure = procedure;
        _chainMaterials = chainMaterials;
    }

    public static RuleSetBuilder Build(Procedure procedure, IReadOnlyList<IRuleDefinition> customRules)
    {
        var chain = customRules.Any(MatchesRequiredMaterial);
        var builder = new RuleSetBuilder(procedure, chain, customRules);
        builder.AddAll();
        return builder;
    }

    /// <summary>
    /// The NRules definitions of the catalogue's rules, then the custom ones: built only when a session is needed, since
    /// a population run over a procedure without custom rules evaluates the descriptors' conditions directly.
    /// </summary>
    public IReadOnlyList<IRuleDefinition> Definitions() => [.. _rules.Select(Define), .. _customRules];

    public IReadOnlyList<RuleDescriptor> Rules => _rules;

    public int[] Acceptance { get; private set; } = [];

    public int[] Eligibility { get; private set; } = [];

    public int[] Jurisdiction { get; private set; } = [];

    public int[] Materials { get; private set; } = [];

    public int[][] Exemptions { get; private set; } = [];

    public int[] Presence { get; private set; } = [];

    public int[] Remote { get; private set; } = [];

    public int[] Fees { get; private set; } = [];

    private string Code => _procedure.Code;

    private void AddAll()
    {
        var p = _procedure;
        Acceptance = [.. p.Conditions.Select((c, i) => c.Check is null
            ? RuleDescriptor.Never
            : Add(RuleKind.Acceptance, RuleNames.Acceptance(Code, i), c.Check, i, 0, p.LegalBasis))];
        // A refusal must state its basis: a rule without one of its own rests on the procedure's.
        Eligibility = [.. p.Eligibility.Select((e, i) => Add(RuleKind.Eligibility, RuleNames.Eligibility(Code, e.Id), e.DenyWhen, i, 0, e.Basis.Count > 0 ? e.Basis : p.LegalBasis))];
        Jurisdiction = [.. p.Jurisdiction.Rules.Select((j, i) => Add(RuleKind.Jurisdiction, RuleNames.Jurisdiction(Code, i), j.When, i, 0, j.Basis))];
        Materials = [.. p.Materials.Select((m, i) => m.RequiredWhen is null && !_chainMaterials
            ? RuleDescriptor.Always
            : Add(RuleKind.Material, RuleNames.MaterialRequired(Code, m.Id), m.RequiredWhen, i, 0, p.LegalBasis))];
        Exemptions = [.. p.Materials.Select((m, i) => m.Exemptions.Select((e, k) => e.When is null
            ? RuleDescriptor.Always
            : Add(RuleKind.Exemption, RuleNames.Exemption(Code, m.Id, k), e.When, i, k, p.LegalBasis)).ToArray())];
        Presence = [.. p.Presence.Select((s, i) => s.When is null
            ? RuleDescriptor.Always
            : Add(RuleKind.Presence, RuleNames.Presence(Code, s.Id), s.When, i, 0, p.LegalBasis))];
        Remote = [.. p.Presence.Select((s, i) => s.RemoteAlternative switch
        {
            null => RuleDescriptor.Never,
            { When: null } => RuleDescriptor.Always,
            { When: { } when } => Add(RuleKind.RemoteAlternative, RuleNames.RemoteAlternative(Code, s.Id), when, i, 0, p.LegalBasis),
        })];
        Fees = [.. p.Fees.Select((f, i) => f.When is null
            ? RuleDescriptor.Always
            : Add(RuleKind.Fee, RuleNames.Fee(Code, i), f.When, i, 0, f.Basis))];
    }

    private int Add(RuleKind kind, string name, PolicyCondition? condition, int item, int sub, IReadOnlyList<LegalBasis> basis)
    {
        var descriptor = new RuleDescriptor(_rules.Count, kind, name, condition, item, sub, basis);
        _rules.Add(descriptor);
        return descriptor.Slot;
    }

    // Given the condition c: when (app: PrecheckApplication, c(app.Facts) != False) then app.Record(slot, c(app.Facts), rule).
    // The condition is evaluated again in the action to tell "surely" from "maybe": a few nanoseconds against
    // the microseconds of a session, and it keeps conditions free of side effects.
    private IRuleDefinition Define(RuleDescriptor rule)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Name);
        builder.Tag(PrecheckOptions.ProcedureTagPrefix + Code);
        if (rule.Condition is { } condition)
        {
            builder.Description(condition.Text);
            builder.Property("location", condition.Location.ToString());
        }

        var app = Expression.Parameter(typeof(PrecheckApplication), "app");
        var truth = rule.Condition is null ? Expression.Constant(Truth.True) : Inline(rule.Condition.Condition, app);

        var pattern = builder.LeftHandSide().Pattern(typeof(PrecheckApplication), app.Name);
        if (rule.Condition is not null)
        {
            var mayHold = Expression.NotEqual(Expression.Convert(truth, typeof(int)), Expression.Constant((int)Truth.False));
            pattern.Condition(Expression.Lambda<Func<PrecheckApplication, bool>>(mayHold, app));
        }

        var context = Expression.Parameter(typeof(IContext), "ctx");
        Expression action = rule.Kind == RuleKind.Material && _chainMaterials
            ? Expression.Call(context, InsertMethod, Expression.Call(app, RequireMethod, Expression.Constant(rule.Slot), truth, Expression.Constant(rule)))
            : Expression.Call(app, RecordMethod, Expression.Constant(rule.Slot), truth, Expression.Constant(rule));
        builder.RightHandSide().Action(Expression.Lambda<Action<IContext, PrecheckApplication>>(action, context, app));
        return builder.Build();
    }

    // The condition's tree reads a FactValues parameter; here it reads app.Facts instead.
    private static Expression Inline(Condition condition, ParameterExpression app)
    {
        var lambda = condition.ToExpression();
        return new Rebind(lambda.Parameters[0], Expression.Property(app, nameof(PrecheckApplication.Facts))).Visit(lambda.Body);
    }

    // Walks the whole left-hand side: a RequiredMaterial inside not/exists/forall/aggregate counts too, and
    // those do not show among the rule's exports.
    private static bool MatchesRequiredMaterial(IRuleDefinition rule)
    {
        var finder = new RequiredMaterialFinder();
        finder.Visit(Context.Empty, rule);
        return finder.Found;
    }

    private sealed class RequiredMaterialFinder : RuleElementVisitor<Context>
    {
        public bool Found { get; private set; }

        protected override PatternElement VisitPattern(Context context, PatternElement element)
        {
            Found |= element.ValueType == typeof(RequiredMaterial);
            return base.VisitPattern(context, element);
        }
    }

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
