using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Testing;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>
/// Reads one file under <c>tests/</c>: policy test cases, each of a procedure or of a bundle. Bundles and procedures
/// are read first, so a bundle case's members and materials are checked against the bundle where they are written.
/// </summary>
internal sealed partial class PolicyTestReader(
    FileContext context,
    FactSchema facts,
    References references,
    IReadOnlyDictionary<string, Bundle> bundles,
    IReadOnlyDictionary<string, Procedure> procedures)
{
    public List<PolicyTestCase> Read(YNode? root)
    {
        var map = context.Mapping(root ?? CatalogInfoReader.EmptyAt(), "policy test file");
        var cases = map?.List("cases", ReadCase, required: true) ?? [];
        map?.Finish();
        return cases;
    }

    private PolicyTestCase? ReadCase(YNode node)
    {
        var map = context.Mapping(node, "test case");
        if (map is null)
        {
            return null;
        }

        var name = map.String("name", required: true);
        var (procedure, bundle) = ReadSubject(map);
        var leftOut = ApplicationReader.ReadLeftOut(context, map, bundle, code => bundles.GetValueOrDefault(code), "test case");
        var asOf = map.Date("as_of");
        var window = map.Reference("window", "window", references);
        var given = FactValueReader.Read(context, map.Optional("facts"), facts);
        var documents = map.List("documents", node => HeldDocumentReader.Read(context, node, references));
        var expect = ReadExpectation(map.Required("expect"), procedure, bundle);
        map.Finish();
        return name is null || (procedure is null && bundle is null) || expect is null
            ? null
            : new PolicyTestCase
            {
                Name = name,
                ProcedureCode = procedure,
                BundleCode = bundle,
                LeftOut = leftOut,
                AsOf = asOf,
                WindowId = window,
                Facts = given,
                Documents = documents,
                Expect = expect,
                Location = context.At(map.Node),
            };
    }

    /// <summary><c>procedure:</c> or <c>bundle:</c>, exactly one.</summary>
    private (string? Procedure, string? Bundle) ReadSubject(MappingReader map)
    {
        if (map.Optional("bundle") is null)
        {
            return (map.Reference("procedure", "procedure", references, required: true), null);
        }

        var bundle = map.Reference("bundle", "bundle", references);
        if (map.Optional("procedure") is { } both)
        {
            context.Error(DiagnosticCodes.InvalidValue, both, "A test case names either a 'procedure' or a 'bundle', not both; remove one.");
        }

        return (null, bundle);
    }

    private PolicyExpectation? ReadExpectation(YNode? node, string? procedure, string? bundle)
    {
        var map = context.Mapping(node, "expectation");
        if (map is null)
        {
            return null;
        }

        var isBundle = bundle is not null;
        var verdict = map.Word<Verdict>("verdict");
        var eligible = ProcedureOnly(map, isBundle, "eligible", "a bundle has no single eligibility; expect each member's status under 'members' (refused, …)")
            ? map.Bool("eligible") : null;
        var authority = ProcedureOnly(map, isBundle, "authority", "each member has its own competent authority; test it in a case of that procedure")
            ? map.Reference("authority", "authority", references) : null;
        var forwarded = ProcedureOnly(map, isBundle, "forwarded_to", "each member is forwarded on its own; test it in a case of that procedure")
            ? map.Reference("forwarded_to", "authority", references) : null;
        var visits = map.Integer("visits", 0, 100);
        var naive = BundleOnly(map, isBundle, "naive_visits") ? map.Integer("naive_visits", 0, 100) : null;
        var members = BundleOnly(map, isBundle, "members") ? ReadMembers(map.Optional("members"), bundle) : [];
        var materials = isBundle ? ReadBundleMaterials(map.Optional("materials"), bundle!) : ReadMaterials(map.Optional("materials"), procedure);

        // Absent: not checked. Given, even as [], it is the exact set.
        var questions = map.Optional("open_questions") is null ? null : map.List("open_questions", ReadQuestion);
        map.Finish();
        return new PolicyExpectation
        {
            Verdict = verdict,
            Eligible = eligible,
            AuthorityId = authority,
            ForwardedTo = forwarded,
            Visits = visits,
            NaiveVisits = naive,
            Members = members,
            Materials = materials,
            OpenQuestions = questions,
        };
    }

    private Dictionary<string, MaterialStatus> ReadMaterials(YNode? node, string? procedure)
    {
        var materials = new Dictionary<string, MaterialStatus>(StringComparer.Ordinal);
        if (context.Mapping(node, "set of material statuses (material id: status)") is { } statuses)
        {
            foreach (var (key, value) in statuses.Entries)
            {
                if (procedure is not null)
                {
                    references.Expect("material", key.Value, context.At(key), scope: procedure);
                }

                if (context.Word<MaterialStatus>(value, "material status") is { } status)
                {
                    materials[key.Value] = status;
                }
            }
        }

        return materials;
    }

    private FactSymbol? ReadQuestion(YNode node)
    {
        var path = context.String(node, "fact");
        if (path is null)
        {
            return null;
        }

        var fact = facts.Find(path);
        if (fact is null)
        {
            context.UnknownFact(node, path, facts);
        }

        return fact;
    }
}
