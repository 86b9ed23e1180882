using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>
/// The results one material of a procedure can have whatever the application says (not required; undecided; missing
/// or undecided with nothing held), the baseline every other result starts from, and what an obstacle line says about
/// each, all made once when the rule set is compiled. A population run checks thousands of applications against the
/// same procedures, and building these per check was most of what a check allocated. Results are immutable records,
/// so one instance serves every check.
/// </summary>
internal sealed class MaterialTemplate
{
    private readonly LocalizedText _undecidedObstacle;
    private readonly LocalizedText _exemptionUndecidedObstacle;
    private readonly LocalizedText _missingObstacle;

    private MaterialTemplate(Procedure procedure, ProcedureCatalog catalog, IReadOnlyList<RuleDescriptor> rules, Material material, int slot)
    {
        var document = catalog.Documents[material.DocumentId];
        var party = material.Party is { } p ? catalog.Parties.GetValueOrDefault(p) : null;
        MaterialResult Baseline(Truth required) => new()
        {
            Material = material,
            Document = document,
            Status = MaterialStatus.NotRequired,
            RequiredBecause = RequiredBecause(procedure, rules, material, slot, required),
            Note = Notes.NotRequired,
            Party = party,
        };

        NotRequired = Baseline(Truth.False);
        Required = Baseline(Truth.True);
        Undecided = Baseline(Truth.Unknown) with { Status = MaterialStatus.Undecided, Note = Notes.RequiredUndecided };
        ExemptionUndecided = Required with { Status = MaterialStatus.Undecided, Note = Notes.ExemptionUndecided };
        Missing = Required with { Status = MaterialStatus.Missing, Note = MissingNote(material, expiredOn: null) };
        Exemptions = [.. material.Exemptions.Select(_ => new ExemptionCache())];
        _undecidedObstacle = ObstacleOf(Undecided);
        _exemptionUndecidedObstacle = ObstacleOf(ExemptionUndecided);
        _missingObstacle = ObstacleOf(Missing);
    }

    /// <summary>Not required in this situation: the whole result.</summary>
    public MaterialResult NotRequired { get; }

    /// <summary>Required: the baseline a way of supplying it (held, fetched, exempted…) completes.</summary>
    public MaterialResult Required { get; }

    /// <summary>Whether it is required depends on an open question: the whole result.</summary>
    public MaterialResult Undecided { get; }

    /// <summary>Required, nothing held, and an open question might still spare it: the whole result.</summary>
    public MaterialResult ExemptionUndecided { get; }

    /// <summary>Required, nothing held, nothing spares it: the whole result.</summary>
    public MaterialResult Missing { get; }

    /// <summary>Per exemption, in the material's order, its last result for an application holding nothing.</summary>
    public ExemptionCache[] Exemptions { get; }

    /// <summary>The templates of every material of <paramref name="procedure"/>, in its order.</summary>
    public static MaterialTemplate[] For(Procedure procedure, ProcedureCatalog catalog, IReadOnlyList<RuleDescriptor> rules, int[] slots) =>
        [.. procedure.Materials.Select((material, i) => new MaterialTemplate(procedure, catalog, rules, material, slots[i]))];

    /// <summary>The line a verdict's obstacles give for <paramref name="result"/>; made once for the shared results.</summary>
    public LocalizedText Obstacle(MaterialResult result) =>
        ReferenceEquals(result, Missing) ? _missingObstacle
        : ReferenceEquals(result, Undecided) ? _undecidedObstacle
        : ReferenceEquals(result, ExemptionUndecided) ? _exemptionUndecidedObstacle
        : ObstacleOf(result);

    /// <summary>What the applicant is told about a missing material: which form, how many, and since when a held one expired.</summary>
    public static LocalizedText MissingNote(Material material, DateOnly? expiredOn)
    {
        var form = material.Form switch
        {
            MaterialForm.Original => ("原件", "original"),
            MaterialForm.Copy => ("复印件", "copy"),
            _ => ("电子件", "electronic copy"),
        };
        var expired = expiredOn is { } on
            ? ($"（所持证件已于{on:yyyy-MM-dd}过期）", $" (the one held expired on {on:yyyy-MM-dd})")
            : ("", "");
        return new(
            $"缺少，请提交{form.Item1}{material.Copies}份{expired.Item1}",
            $"Missing; bring {material.Copies} {form.Item2}{(material.Copies == 1 ? "" : "s")}{expired.Item2}");
    }

    private static LocalizedText ObstacleOf(MaterialResult m) =>
        new($"{m.Name.Text}：{m.Note.Text}", $"{m.Name.EnglishOrText}: {m.Note.EnglishOrText}");

    private static Reason RequiredBecause(Procedure procedure, IReadOnlyList<RuleDescriptor> rules, Material material, int slot, Truth required)
    {
        if (material.RequiredWhen is not { } when)
        {
            return new Reason(RuleNames.MaterialRequired(procedure.Code, material.Id), new("本事项始终需要", "Always required by this procedure"), null, material.Location, procedure.LegalBasis);
        }

        var text = required switch
        {
            Truth.True => new LocalizedText($"需要，因为：{when.Text}", $"Required because {when.Text}"),
            Truth.False => new LocalizedText($"不需要，因为不满足：{when.Text}", $"Not required: {when.Text} does not hold"),
            _ => new LocalizedText($"是否需要取决于：{when.Text}", $"Required only if {when.Text}"),
        };
        return Resolver.Why(rules[slot], text);
    }

    /// <summary>Notes that do not depend on the application, made once rather than for every material of every check.</summary>
    internal static class Notes
    {
        public static readonly LocalizedText NotRequired = new("本情形无需提交", "Not required in this situation");
        public static readonly LocalizedText RequiredUndecided = new("取决于尚未回答的问题", "Depends on a question not yet answered");
        public static readonly LocalizedText Held = new("已持有", "Held");
        public static readonly LocalizedText HeldElectronic = new("已持有（电子）", "Held (electronic)");
        public static readonly LocalizedText Generated = new("由办理机关生成，无需自备", "The office prepares it; nothing to bring");
        public static readonly LocalizedText ExemptionUndecided = new("可否免交取决于尚未回答的问题", "Whether it can be spared depends on a question not yet answered");
        public static readonly LocalizedText ELicence = new("调用电子证照，无需提交", "The e-licence is used; nothing to bring");
        public static readonly LocalizedText Commitment = new("可签署告知承诺书代替", "May be replaced by a signed commitment");
    }
}

/// <summary>
/// An exemption's result for an application that holds nothing of the material: it depends only on the day judged on
/// and, for data sharing, the region of the deciding authority (which source covers it), which a population run
/// rarely varies, so the last one is kept. The entry is swapped whole, so parallel checks read a consistent one; a
/// race only computes it twice.
/// </summary>
internal sealed class ExemptionCache
{
    private Entry? _last;

    public MaterialResult? GetOrAdd<TState>(DateOnly asOf, string? region, TState state, Func<TState, MaterialResult?> make)
    {
        if (Volatile.Read(ref _last) is { } last && last.AsOf == asOf && string.Equals(last.Region, region, StringComparison.Ordinal))
        {
            return last.Result;
        }

        var result = make(state);
        Volatile.Write(ref _last, new Entry(asOf, region, result));
        return result;
    }

    private sealed record Entry(DateOnly AsOf, string? Region, MaterialResult? Result);
}
