using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Guides.Internal;
using OneVisit.Rules.WhatIf.Internal;

namespace OneVisit.Rules.WhatIf.Populations;

/// <summary>
/// A made-up population for when no history exists: for every procedure and every bundle of the catalogue,
/// <see cref="SituationsPerCode"/> situations of weight 1 in which each fact its conditions read is drawn at random
/// from its domain: yes/no facts yes or no with even odds, enum facts one of their values with even odds; numbers,
/// dates and text are left unknown, since their domain gives no defensible range (the precheck then counts what
/// depends on them, as it does for any unanswered question). No documents are held. Seeded with SplitMix64, so the
/// same seed gives the same situations on every machine and .NET version; each code has its own stream, so adding a
/// procedure leaves the others' situations as they were. It describes the rules' branches evenly, not real volumes:
/// "typical" visits read from it are indicative only.
/// </summary>
public sealed class UniformPopulation : PopulationSource
{
    /// <summary>Situations per procedure and per bundle unless told otherwise.</summary>
    public const int DefaultSituationsPerCode = 64;

    /// <summary>The seed unless told otherwise.</summary>
    public const ulong DefaultSeed = 1;

    // Bumped whenever the drawing changes, so a run record's hash tells an old population from a new one.
    private const string Generator = "uniform-v1";

    /// <summary>Creates the population.</summary>
    /// <param name="situationsPerCode">Situations per procedure and per bundle; at least 1.</param>
    /// <param name="seed">The generator's seed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="situationsPerCode"/> is below 1.</exception>
    public UniformPopulation(int situationsPerCode = DefaultSituationsPerCode, ulong seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(situationsPerCode, 1);
        SituationsPerCode = situationsPerCode;
        Seed = seed;
    }

    /// <summary>Situations per procedure and per bundle.</summary>
    public int SituationsPerCode { get; }

    /// <summary>The generator's seed.</summary>
    public ulong Seed { get; }

    /// <inheritdoc />
    public override PopulationKind Kind => PopulationKind.Generated;

    /// <inheritdoc />
    public override string Description => string.Create(
        CultureInfo.InvariantCulture,
        $"uniform: {SituationsPerCode} situations per procedure and bundle, seed {Seed}; yes/no facts 50/50, enum facts uniform over their values, numbers, dates and text unknown; not real volumes");

    /// <inheritdoc />
    public override string ContentHash =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Generator};situations={SituationsPerCode};seed={Seed}"))));

    /// <inheritdoc />
    /// <remarks>Procedures first, then bundles, each in ordinal order of code.</remarks>
    public override IEnumerable<Situation> Read(ProcedureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Draw(catalog);
    }

    private IEnumerable<Situation> Draw(ProcedureCatalog catalog)
    {
        foreach (var procedure in catalog.Procedures.Values.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            foreach (var situation in Draw(catalog.Facts, procedure.Code, FormFacts.Of(procedure)))
            {
                yield return situation;
            }
        }

        foreach (var bundle in catalog.Bundles.Values.OrderBy(b => b.Code, StringComparer.Ordinal))
        {
            var members = bundle.Members.Select(m => catalog.Procedures.GetValueOrDefault(m.ProcedureCode)).OfType<Procedure>();
            foreach (var situation in Draw(catalog.Facts, bundle.Code, FormFacts.Of(bundle, members)))
            {
                yield return situation;
            }
        }
    }

    private IEnumerable<Situation> Draw(FactSchema schema, string code, IReadOnlyList<string> paths)
    {
        var random = SplitMix64.For(Seed, code);
        var types = paths.Select(p => (Path: p, Type: schema.Find(p)?.Type)).Where(f => f.Type is { Kind: FactKind.Bool } or { Kind: FactKind.Enum, Values.Count: > 0 }).ToList();
        for (var i = 0; i < SituationsPerCode; i++)
        {
            var facts = new Dictionary<string, object?>(types.Count, StringComparer.Ordinal);
            foreach (var (path, type) in types)
            {
                facts[path] = type!.Kind == FactKind.Bool ? random.Below(2) == 1 : type.Values[random.Below(type.Values.Count)];
            }

            yield return new Situation { Code = code, Facts = facts };
        }
    }
}
