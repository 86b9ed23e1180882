using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OneVisit.Benchmarks.Synthetic;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using FactKind = OneVisit.Rules.Expressions.FactKind;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Tests.Support;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>
/// The two ways a catalogue procedure is prechecked give the same answer: <see cref="PrecheckEngine.Check"/> runs an
/// NRules session; <see cref="PrecheckEngine.CheckMany"/> evaluates the compiled conditions directly when the
/// procedure has no custom rules. On random situations (facts known and unknown, documents held or not, in date or
/// expired, at a window or not), every public field of every result must be equal, including the rules fired and
/// their order. Compared as JSON, so a field added to the result later is compared too (the catalogue objects a
/// result points to are the same instances on both paths and are compared by reference).
/// </summary>
public sealed class DirectRulesDifferentialTests : IDisposable
{
    // Every public field of the results, except the catalogue's own Procedure and Bundle objects they point to: the
    // same instances on both paths, and serialising them (with the whole fact schema) would cost most of the test.
    private static readonly JsonSerializerOptions Json = new()
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    for (var i = info.Properties.Count - 1; i >= 0; i--)
                    {
                        if (info.Properties[i].PropertyType == typeof(Procedure) || info.Properties[i].PropertyType == typeof(Bundle))
                        {
                            info.Properties.RemoveAt(i);
                        }
                    }
                },
            },
        },
    };

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "onevisit-differential-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void SampleCatalogue_RandomSituations_CheckAndCheckManyAgreeOnEveryField()
    {
        AssertPathsAgree(SampleCatalogue.Catalog, situationsPerProcedure: 300, seed: 2017);
    }

    [Fact]
    public void GeneratedCatalogue_RandomSituations_CheckAndCheckManyAgreeOnEveryField()
    {
        var synthetic = SyntheticCatalogue.Generate(procedures: 120);
        synthetic.WriteTo(_directory);

        AssertPathsAgree(SyntheticCatalogue.LoadClean(_directory), situationsPerProcedure: 40, seed: 7);
    }

    [Fact]
    public void SampleBundles_RandomSituations_CheckBundleAndCheckBundleManyAgreeOnEveryField()
    {
        var catalog = SampleCatalogue.Catalog;
        var engine = new PrecheckEngine(catalog);
        var random = new Random(2018);
        Assert.NotEmpty(catalog.Bundles);
        var requests = catalog.Bundles.Values
            .OrderBy(b => b.Code, StringComparer.Ordinal)
            .SelectMany(b => Enumerable.Range(0, 200).Select(_ =>
            {
                var situation = Situation(catalog, catalog.Procedures[b.Members[0].ProcedureCode], random);
                return new BundlePrecheckRequest { BundleCode = b.Code, AsOf = InForce(catalog, b), Facts = situation.Facts, Documents = situation.Documents };
            }))
            .ToList();

        var many = engine.CheckBundleMany(requests);

        var disagreements = requests
            .Select((request, i) => (request, one: JsonSerializer.Serialize(engine.CheckBundle(request), Json), batch: JsonSerializer.Serialize(many[i], Json)))
            .Where(x => x.one != x.batch)
            .Select(x => $"{x.request.BundleCode}: {FirstDifference(x.one, x.batch)}")
            .ToList();
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {requests.Count} differ; first: {disagreements.FirstOrDefault()}");
        Assert.True(many.Select(r => r.Verdict).Distinct().Count() >= 2, "the random situations reached fewer than 2 verdicts");
    }

    [Fact]
    public void CheckBundleMany_AnInvalidRequest_IsNamedByItsIndex()
    {
        var engine = new PrecheckEngine(SampleCatalogue.Catalog);
        var bundle = SampleCatalogue.Catalog.Bundles.Values.First();
        var good = new BundlePrecheckRequest { BundleCode = bundle.Code, AsOf = InForce(SampleCatalogue.Catalog, bundle) };

        var error = Assert.Throws<InvalidApplicationException>(() => engine.CheckBundleMany([good, good with { BundleCode = "no-such-bundle" }]));

        Assert.All(error.Errors, e => Assert.StartsWith("[1].", e.Field, StringComparison.Ordinal));
    }

    [Fact]
    public void CustomRules_CheckManyRunsThemToo()
    {
        // A procedure with custom rules must not take the direct path: its custom rule's denial shows in CheckMany.
        var code = SampleCatalogue.Catalog.Procedures.Keys.Order(StringComparer.Ordinal).First();
        var engine = new PrecheckEngine(SampleCatalogue.Catalog, new PrecheckOptions().AddRules(typeof(DenyEveryone)));
        var request = new PrecheckRequest { ProcedureCode = code, AsOf = SampleCatalogue.Morning };

        var many = engine.CheckMany([request]).Single();

        Assert.Equal(Verdict.NotEligible, many.Verdict);
        Assert.Equal(Serialize(engine.Check(request)), Serialize(many));
    }

    private static void AssertPathsAgree(ProcedureCatalog catalog, int situationsPerProcedure, int seed)
    {
        var engine = new PrecheckEngine(catalog);
        var random = new Random(seed);
        var requests = catalog.Procedures.Values
            .OrderBy(p => p.Code, StringComparer.Ordinal)
            .SelectMany(p => Enumerable.Range(0, situationsPerProcedure).Select(_ => Situation(catalog, p, random)))
            .ToList();

        var many = engine.CheckMany(requests);

        var disagreements = new List<string>();
        for (var i = 0; i < requests.Count; i++)
        {
            var single = engine.Check(requests[i]);
            Assert.Same(single.Procedure, many[i].Procedure);
            var one = Serialize(single);
            var batch = Serialize(many[i]);
            if (one != batch)
            {
                disagreements.Add($"{requests[i].ProcedureCode} #{i}: {FirstDifference(one, batch)}");
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {requests.Count} differ; first: {disagreements.FirstOrDefault()}");
        // Not one lucky path: the situations reach more than one verdict and leave questions open.
        Assert.True(many.Select(r => r.Verdict).Distinct().Count() >= 3, "the random situations reached fewer than 3 verdicts");
        Assert.Contains(many, r => r.OpenQuestions.Count > 0);
    }

    // The first day the bundle and every member's version are in force, or the catalogue's date if later.
    private static DateOnly InForce(ProcedureCatalog catalog, Bundle bundle) =>
        bundle.Members.Select(m => catalog.Procedures[m.ProcedureCode].EffectiveFrom).Append(bundle.EffectiveFrom).Append(catalog.Info.AsOf).Max();

    private static string Serialize(PrecheckResult result) => JsonSerializer.Serialize(result, Json);

    private static string FirstDifference(string one, string batch)
    {
        var at = 0;
        while (at < one.Length && at < batch.Length && one[at] == batch[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 300);
        return $"after …{one[from..at]}\n  Check:     {one[at..Math.Min(one.Length, at + 300)]}\n  CheckMany: {batch[at..Math.Min(batch.Length, at + 300)]}";
    }

    /// <summary>
    /// A random situation: each fact of the catalogue unknown about a third of the time, else a value of its type;
    /// each document type held or not, in any edition it has, issued before the date judged on and expiring before or after it.
    /// </summary>
    private static PrecheckRequest Situation(ProcedureCatalog catalog, Procedure procedure, Random random)
    {
        // The catalogue's own date: every procedure version is in force on it.
        var asOf = catalog.Info.AsOf;
        var facts = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var fact in catalog.Facts.Entities.SelectMany(e => e.Fields))
        {
            if (random.Next(3) > 0)
            {
                facts[fact.Path] = Value(fact.Symbol.Type, asOf, random);
            }
        }

        var documents = catalog.Documents.Values
            .Where(_ => random.Next(2) == 0)
            .Select(d =>
            {
                var issued = asOf.AddDays(-random.Next(0, 3000));
                return new HeldDocument(
                    d.Id,
                    FormVersion: d.FormVersions.Count == 0 || random.Next(3) == 0 ? null : d.FormVersions[random.Next(d.FormVersions.Count)].Version,
                    IssuedOn: random.Next(4) == 0 ? null : issued,
                    ExpiresOn: random.Next(2) == 0 ? null : issued.AddDays(random.Next(1, 4000)),
                    Electronic: random.Next(2) == 0);
            })
            .ToList();
        var windows = catalog.Authorities.Values.SelectMany(a => a.Windows).Where(w => w.Accepts(procedure.Code)).ToList();
        return new PrecheckRequest
        {
            ProcedureCode = procedure.Code,
            AsOf = asOf,
            WindowId = windows.Count > 0 && random.Next(2) == 0 ? windows[random.Next(windows.Count)].Id : null,
            Facts = facts,
            Documents = documents,
        };
    }

    private static object Value(FactType type, DateOnly asOf, Random random) => type.Kind switch
    {
        FactKind.Bool => random.Next(2) == 0,
        FactKind.Number or FactKind.Money => random.Next(4) switch
        {
            0 => random.Next(0, 13),
            1 => random.Next(0, 121),
            2 => random.Next(0, 100_001),
            _ => (decimal)random.Next(0, 10_000_000) / 100,
        },
        FactKind.Date => asOf.AddDays(-random.Next(0, 365 * 90)),
        FactKind.Enum => type.Values[random.Next(type.Values.Count)],
        FactKind.Text => random.Next(3).ToString(CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"No random value for {type.Kind}: teach the test this kind."),
    };

    public sealed class DenyEveryone : NRules.Fluent.Dsl.Rule
    {
        public override void Define()
        {
            PrecheckApplication app = null!;
            When().Match(() => app);
            Then().Do(ctx => app.Deny("deny-everyone", new LocalizedText("测试：一律不予受理", "Test: everyone is refused"), null));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
