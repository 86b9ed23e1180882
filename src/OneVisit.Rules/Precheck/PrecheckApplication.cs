using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck.Internal;

namespace OneVisit.Rules.Precheck;

/// <summary>
/// The application as the rules engine sees it: the one fact inserted into a procedure's NRules session. Custom
/// rules (NRules.Fluent) match it to read the facts and documents, and call <see cref="Deny"/> or
/// <see cref="Supply"/> to add what the integrator's own data knows.
/// </summary>
public sealed class PrecheckApplication
{
    private readonly Truth[] _truths;

    // Per catalogue rule (slot), how it fired, or null: reported in the catalogue's order, not the engine's, so the
    // answer does not depend on how a rules engine orders its agenda (NRules groups rules sharing a condition), and
    // the direct evaluation of population runs reports exactly what a session does.
    private readonly FiredRule?[] _firedBySlot;

    // Custom rules' firings (denials, supplied materials), in the order they happened, after the catalogue's.
    private List<FiredRule>? _custom;
    private static readonly Dictionary<string, LocalizedText> NothingSupplied = new(StringComparer.Ordinal);

    // Only custom rules fill these, so they are made on first use rather than for every application.
    private List<Denial>? _denials;
    private Dictionary<string, LocalizedText>? _supplied;

    internal PrecheckApplication(BoundRequest request, int ruleCount)
    {
        Procedure = request.Procedure;
        Facts = request.Facts;
        Documents = request.Documents;
        Window = request.Window;
        _truths = new Truth[ruleCount];
        _firedBySlot = new FiredRule?[ruleCount];
    }

    /// <summary>The procedure applied for.</summary>
    public Procedure Procedure { get; }

    /// <summary>The procedure's code.</summary>
    public string ProcedureCode => Procedure.Code;

    /// <summary>The facts known about the applicant; unknown facts read as unknown.</summary>
    public FactValues Facts { get; }

    /// <summary>The date judged on.</summary>
    public DateOnly AsOf => Facts.AsOf;

    /// <summary>The documents the applicant holds.</summary>
    public IReadOnlyList<HeldDocument> Documents { get; }

    /// <summary>The window where the applicant applies, if given.</summary>
    public Window? Window { get; }

    /// <summary>The catalogue rules that fired, in the procedure's order, then the custom rules' firings as they happened.</summary>
    internal IReadOnlyList<FiredRule> Fired
    {
        get
        {
            var fired = new List<FiredRule>(_firedBySlot.Length + (_custom?.Count ?? 0));
            foreach (var rule in _firedBySlot)
            {
                if (rule is not null)
                {
                    fired.Add(rule);
                }
            }

            fired.AddRange(_custom ?? []);
            return fired;
        }
    }

    internal IReadOnlyList<Denial> CustomDenials => _denials ?? [];

    internal IReadOnlyDictionary<string, LocalizedText> Supplied => _supplied ?? NothingSupplied;

    /// <summary>Denies the application from a custom rule (e.g. a check against the integrator's own records).</summary>
    /// <param name="rule">The rule's name, shown as the reason.</param>
    /// <param name="message">What the applicant is told.</param>
    /// <param name="basis">The legal basis, if any.</param>
    public void Deny(string rule, LocalizedText message, IReadOnlyList<LegalBasis>? basis = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        ArgumentNullException.ThrowIfNull(message);
        var why = new Reason(rule, message, null, null, basis ?? []);
        (_denials ??= []).Add(new Denial(rule, Truth.True, message, why));
        (_custom ??= []).Add(new FiredRule(rule, Truth.True, null, null));
    }

    /// <summary>
    /// Marks a material as supplied by the integrator's own data, so the applicant need not bring it; it is then
    /// reported as <see cref="MaterialStatus.Fetched"/> with <paramref name="source"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The procedure has no material <paramref name="materialId"/>.</exception>
    public void Supply(string materialId, LocalizedText source)
    {
        ArgumentNullException.ThrowIfNull(materialId);
        ArgumentNullException.ThrowIfNull(source);
        if (!Procedure.Materials.Any(m => m.Id == materialId))
        {
            throw new ArgumentException(
                $"Procedure {Procedure.Code} has no material '{materialId}'; it has: {string.Join(", ", Procedure.Materials.Select(m => m.Id))}.",
                nameof(materialId));
        }

        (_supplied ??= new(StringComparer.Ordinal))[materialId] = source;
        (_custom ??= []).Add(new FiredRule($"{Procedure.Code}/custom/supply/{materialId}", Truth.True, null, null));
    }

    // Called by the actions of compiled catalogue rules: the "injected collector" of the lean rule shape.
    internal void Record(int slot, Truth truth, RuleDescriptor rule)
    {
        _truths[slot] = truth;
        _firedBySlot[slot] = truth == Truth.True ? rule.FiredTrue : rule.FiredUnknown;
    }

    internal RequiredMaterial Require(int slot, Truth truth, RuleDescriptor rule)
    {
        Record(slot, truth, rule);
        return new RequiredMaterial(this, Procedure.Materials[rule.Item], truth);
    }

    // A rule that did not fire left its slot at Truth.False: its condition is known not to hold.
    internal Truth TruthOf(int slot) => slot switch
    {
        RuleDescriptor.Always => Truth.True,
        RuleDescriptor.Never => Truth.False,
        _ => _truths[slot],
    };
}

/// <summary>
/// Derived by forward chaining: a material the procedure requires (or may require) for an application. Inserted
/// only when a custom rule of the procedure matches it, so catalogue-only rule sets stay lean.
/// </summary>
/// <param name="Application">The application it belongs to.</param>
/// <param name="Material">The material.</param>
/// <param name="Required"><see cref="Truth.True"/>, or <see cref="Truth.Unknown"/> when it depends on open questions.</param>
public sealed record RequiredMaterial(PrecheckApplication Application, Material Material, Truth Required);
