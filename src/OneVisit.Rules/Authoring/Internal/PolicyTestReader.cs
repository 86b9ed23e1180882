using OneVisit.Rules.Catalog;
using OneVisit.Rules.Diagnostics;
using OneVisit.Rules.Precheck;
using OneVisit.Rules.Testing;

namespace OneVisit.Rules.Authoring.Internal;

/// <summary>Reads one file under <c>tests/</c>: policy test cases.</summary>
internal sealed class PolicyTestReader(FileContext context, FactSchema facts, References references)
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
        var procedure = map.Reference("procedure", "procedure", references, required: true);
        var asOf = map.Date("as_of");
        var window = map.Reference("window", "window", references);
        var given = FactValueReader.Read(context, map.Optional("facts"), facts);
        var documents = map.List("documents", node => HeldDocumentReader.Read(context, node, references));
        var expect = ReadExpectation(map.Required("expect"), procedure);
        map.Finish();
        return name is null || procedure is null || expect is null
            ? null
            : new PolicyTestCase
            {
                Name = name,
                ProcedureCode = procedure,
                AsOf = asOf,
                WindowId = window,
                Facts = given,
                Documents = documents,
                Expect = expect,
                Location = context.At(map.Node),
            };
    }

    private PolicyExpectation? ReadExpectation(YNode? node, string? procedure)
    {
        var map = context.Mapping(node, "expectation");
        if (map is null)
        {
            return null;
        }

        var verdict = map.Word<Verdict>("verdict");
        var eligible = map.Bool("eligible");
        var authority = map.Reference("authority", "authority", references);
        var forwarded = map.Reference("forwarded_to", "authority", references);
        var visits = map.Integer("visits", 0, 100);
        var materials = new Dictionary<string, MaterialStatus>(StringComparer.Ordinal);
        if (context.Mapping(map.Optional("materials"), "set of material statuses (material id: status)") is { } statuses)
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

        var questions = map.List("open_questions", ReadQuestion);
        map.Finish();
        return new PolicyExpectation
        {
            Verdict = verdict,
            Eligible = eligible,
            AuthorityId = authority,
            ForwardedTo = forwarded,
            Visits = visits,
            Materials = materials,
            OpenQuestions = questions,
        };
    }

    private Expressions.FactSymbol? ReadQuestion(YNode node)
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
