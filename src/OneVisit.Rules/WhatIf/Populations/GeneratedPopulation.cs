using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.WhatIf.Populations.Internal;

namespace OneVisit.Rules.WhatIf.Populations;

/// <summary>
/// Situations drawn from a <see cref="PopulationSpec"/> (a spec file, or one built in code), for when no history
/// exists yet. Seeded with a generator of our own, so the same spec and seed give the same situations on any machine
/// and .NET version. Each entry's situations weigh equally and their weights sum to its volume.
/// </summary>
public sealed class GeneratedPopulation : PopulationSource
{
    private readonly string? _path;
    private PopulationSpec? _spec;
    private string? _hash;
    private long? _count;

    /// <summary>A population drawn from a spec built in code; it is checked against the catalogue when read.</summary>
    public GeneratedPopulation(PopulationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _spec = spec;
    }

    private GeneratedPopulation(string path) => _path = path;

    /// <summary>A population drawn from the spec file at <paramref name="path"/>, which is read (and checked) when the population is.</summary>
    /// <exception cref="PopulationException">There is no such file.</exception>
    public static GeneratedPopulation FromFile(string path)
    {
        PopulationFileChecks.MustExist(path, "population spec (.yaml)");
        return new GeneratedPopulation(path);
    }

    /// <summary>The spec file, or null for a spec built in code.</summary>
    public string? SpecPath => _path;

    /// <summary>
    /// The spec file's warnings from the last <see cref="Read"/> (keys it does not know, which were ignored), so a run
    /// can show them; empty for a spec built in code.
    /// </summary>
    public IReadOnlyList<Diagnostic> Warnings { get; private set; } = [];

    /// <inheritdoc />
    public override PopulationKind Kind => PopulationKind.Generated;

    /// <summary>The spec's name, seed and the number of situations (once known), and the file it came from.</summary>
    public override string Description
    {
        get
        {
            var from = _path is null ? "a spec built in code" : System.IO.Path.GetFileName(_path);
            return _spec is null
                ? $"generated from {from}"
                : FormattableString.Invariant($"{_spec.Name}: {_count ?? _spec.Situations:N0} situations generated from {from}, seed {_spec.Seed}");
        }
    }

    /// <summary>The SHA-256 of the spec file's bytes (seed included), or of a canonical text of a spec built in code.</summary>
    public override string ContentHash => _hash ??= _path is null ? SpecText.Hash(_spec!) : FileHash.Of(_path);

    /// <summary>
    /// Checks the spec against <paramref name="catalog"/> (all problems at once, in one <see cref="PopulationException"/>)
    /// and draws its situations lazily, one at a time.
    /// </summary>
    public override IEnumerable<Situation> Read(ProcedureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var spec = _path is null ? Checked(_spec!, catalog) : FromFile(_path, catalog);
        _spec = spec;
        var plan = new SpecPlan(spec);
        _count = plan.Count;
        return plan.Generate();
    }

    private PopulationSpec FromFile(string path, ProcedureCatalog catalog)
    {
        var result = PopulationSpecFile.Load(path, catalog);
        Warnings = [.. result.Diagnostics.Where(d => !d.IsError)];
        return result.GetSpecOrThrow();
    }

    private static PopulationSpec Checked(PopulationSpec spec, ProcedureCatalog catalog)
    {
        var problems = SpecChecker.Check(spec, new CatalogTerms(catalog));
        if (problems.Count == 0)
        {
            return spec;
        }

        var shown = string.Join(Environment.NewLine, problems.Take(10).Select(p => $"  {p.Where}: {p.Message}"));
        var more = problems.Count > 10 ? $"{Environment.NewLine}  … and {problems.Count - 10} more." : string.Empty;
        throw new PopulationException($"The population spec '{spec.Name}' has {problems.Count} error(s):{Environment.NewLine}{shown}{more}");
    }
}
