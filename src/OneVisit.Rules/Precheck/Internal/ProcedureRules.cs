using NRules;
using OneVisit.Rules.Catalog;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>
/// One procedure's compiled rule set: the NRules session factory (compiled when first needed) and, for each part of the procedure, the slot
/// of the rule deciding it (<see cref="RuleDescriptor.Always"/> or <see cref="RuleDescriptor.Never"/> when no rule is needed).
/// </summary>
internal sealed class ProcedureRules
{
    public required Procedure Procedure { get; init; }

    public required IReadOnlyList<RuleDescriptor> Rules { get; init; }

    private Lazy<ISessionFactory> _sessions = null!;

    /// <summary>The NRules session factory, compiled on first use: <see cref="DirectRules"/> never needs it.</summary>
    public ISessionFactory Sessions => _sessions.Value;

    /// <summary>Compiles the session factory; run at most once, on the first <see cref="Sessions"/>.</summary>
    public required Func<ISessionFactory> CompileSessions
    {
        init => _sessions = new Lazy<ISessionFactory>(value, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public required int[] Acceptance { get; init; }

    public required int[] Eligibility { get; init; }

    public required int[] Jurisdiction { get; init; }

    public required int[] Materials { get; init; }

    /// <summary>Per material, the parts of its result that do not depend on the application: prepared once, not per check.</summary>
    public required MaterialTemplate[] MaterialTemplates { get; init; }

    /// <summary>The denials and routing reasons the rules can give: prepared once, not per check.</summary>
    public required RuleReasons Reasons { get; init; }

    /// <summary>Why the default authority decides, when no jurisdiction rule holds: prepared once, not per check.</summary>
    public required Reason DefaultRoute { get; init; }

    public required int[][] Exemptions { get; init; }

    /// <summary>The procedure's steps as the visit planner uses them: prepared once, not per check.</summary>
    public required VisitTemplate Visits { get; init; }

    public required int[] Presence { get; init; }

    public required int[] Remote { get; init; }

    public required int[] Fees { get; init; }

    /// <summary>Whether integrators' custom rules join this procedure's session; if not, population runs skip NRules (<see cref="DirectRules"/>).</summary>
    public required bool HasCustomRules { get; init; }
}
