using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>
/// Gathers the unknown facts behind every undecided rule that changed the answer, and ranks them: a fact that
/// decides eligibility or routing outranks one that decides a material, which outranks one that decides a visit.
/// </summary>
internal sealed class QuestionCollector(FactValues facts, FactSchema schema)
{
    public const int EligibilityWeight = 8;
    public const int JurisdictionWeight = 4;
    public const int MaterialWeight = 3;
    public const int ExemptionWeight = 2;
    public const int PresenceWeight = 2;
    public const int FeeWeight = 1;

    // Made on the first undecided rule: most applications that answer every question never need it.
    private Dictionary<FactSymbol, (int Weight, List<string> Affects)>? _open;

    /// <summary>Notes that the rule in <paramref name="slot"/> is undecided and its outcome matters to the answer.</summary>
    public void Undecided(ProcedureRules rules, int slot, int weight)
    {
        if (slot < 0 || rules.Rules[slot].Condition is not { } condition)
        {
            return;
        }

        foreach (var fact in condition.Condition.Facts)
        {
            if (facts.IsKnown(fact))
            {
                continue;
            }

            _open ??= [];
            if (!_open.TryGetValue(fact, out var entry))
            {
                entry = (0, []);
            }

            entry.Affects.Add(rules.Rules[slot].Name);
            _open[fact] = (entry.Weight + weight, entry.Affects);
        }
    }

    public IReadOnlyList<OpenQuestion> Ranked() => _open is null ? [] :
    [
        .. _open
            .OrderByDescending(e => e.Value.Weight)
            .ThenBy(e => e.Key.Slot)
            .Select(e => new OpenQuestion(schema.Definition(e.Key.Path)!, e.Value.Weight, e.Value.Affects)),
    ];
}
