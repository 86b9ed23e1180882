using CsCheck;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Expressions;
using OneVisit.Rules.Precheck;

namespace OneVisit.Rules.Tests.Precheck;

/// <summary>
/// Random applicants for every sample procedure: what the precheck calls decided stays decided when the unknown
/// facts become known, and when it asks nothing, learning the rest changes nothing. This is what makes open
/// questions trustworthy: they are exactly the facts that could still change the answer.
/// </summary>
public sealed class PrecheckPropertyTests
{
    private static readonly decimal[] Numbers = [0, 1, 2, 3, 6, 12, 14, 18, 60, 120, 10000, 30000, 120000, 5000000, 10000000, 20000000, 50000000, 100000000];

    private static readonly DateOnly[] Dates =
    [
        new(1958, 1, 9), new(2000, 1, 1), new(2010, 9, 1), new(2011, 8, 31), new(2012, 1, 1),
        new(2016, 12, 31), new(2017, 2, 17), new(2017, 2, 18), new(2017, 9, 30), new(2030, 1, 1),
    ];

    private static readonly string[] Texts = ["浙江某某科技有限公司", "杭州某某有限公司", ""];

    private static readonly Procedure[] Procedures = [.. SampleCatalogue.Catalog.Procedures.Values.OrderBy(p => p.Code, StringComparer.Ordinal)];

    [Fact]
    public void Check_LearningUnknownFacts_NeverChangesWhatWasDecided()
    {
        Gen.Int.Sample(seed =>
        {
            var (procedure, partial, complete) = Applicant(new Random(seed));
            var before = SampleCatalogue.Engine.Check(partial);
            var after = SampleCatalogue.Engine.Check(complete);

            if (before.Eligibility.Eligible != Truth.Unknown)
            {
                Assert.Equal(before.Eligibility.Eligible, after.Eligibility.Eligible);
            }

            if (before.Routing.Decided)
            {
                Assert.Equal(before.Routing.Authority.Id, after.Routing.Authority.Id);
            }

            for (var i = 0; i < procedure.Materials.Count; i++)
            {
                var (was, now) = (before.Materials[i].Status, after.Materials[i].Status);
                if (was == MaterialStatus.NotRequired)
                {
                    Assert.Equal(MaterialStatus.NotRequired, now);
                }
                else if (was != MaterialStatus.Undecided)
                {
                    Assert.NotEqual(MaterialStatus.NotRequired, now);
                }
            }
        }, iter: 3_000);
    }

    [Fact]
    public void Check_NoOpenQuestions_LearningTheRestChangesNothing()
    {
        var checkedWithoutQuestions = 0;
        Gen.Int.Sample(seed =>
        {
            var (_, partial, complete) = Applicant(new Random(seed));
            var before = SampleCatalogue.Engine.Check(partial);
            if (before.OpenQuestions.Count > 0)
            {
                return;
            }

            checkedWithoutQuestions++;
            Assert.Equal(Summary(before), Summary(SampleCatalogue.Engine.Check(complete)));
        }, iter: 3_000);

        Assert.True(checkedWithoutQuestions > 100, $"Only {checkedWithoutQuestions} random applicants had no open question; the property was hardly tried.");
    }

    [Fact]
    public void Check_AnyApplicant_AsksOnlyAboutFactsNotGiven()
    {
        Gen.Int.Sample(seed =>
        {
            var (_, partial, _) = Applicant(new Random(seed));
            var result = SampleCatalogue.Engine.Check(partial);

            Assert.All(result.OpenQuestions, q => Assert.Null(partial.Facts.GetValueOrDefault(q.Path)));
        }, iter: 1_000);
    }

    // An applicant for a random procedure: each fact its conditions read is known or not, at random, and a random
    // set of the documents it asks for; "complete" is the same applicant with every unknown fact given.
    private static (Procedure Procedure, PrecheckRequest Partial, PrecheckRequest Complete) Applicant(Random random)
    {
        var procedure = Procedures[random.Next(Procedures.Length)];
        var partial = new Dictionary<string, object?>(StringComparer.Ordinal);
        var complete = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var fact in FactsOf(procedure))
        {
            var value = Value(random, fact);
            complete[fact.Path] = value;
            partial[fact.Path] = random.Next(3) == 0 ? null : value;
        }

        var documents = procedure.Materials
            .Select(m => m.DocumentId)
            .Distinct(StringComparer.Ordinal)
            .Where(_ => random.Next(2) == 0)
            .Select(id => new HeldDocument(id, IssuedOn: new DateOnly(2017, 1, 1), Electronic: random.Next(2) == 0))
            .ToList();
        var request = new PrecheckRequest { ProcedureCode = procedure.Code, AsOf = SampleCatalogue.Morning, Facts = partial, Documents = documents };
        return (procedure, request, request with { Facts = complete });
    }

    private static object Value(Random random, FactSymbol fact) => fact.Type.Kind switch
    {
        FactKind.Bool => random.Next(2) == 0,
        FactKind.Number or FactKind.Money => Numbers[random.Next(Numbers.Length)],
        FactKind.Date => Dates[random.Next(Dates.Length)],
        FactKind.Enum => fact.Type.Values[random.Next(fact.Type.Values.Count)],
        _ => Texts[random.Next(Texts.Length)],
    };

    private static IEnumerable<FactSymbol> FactsOf(Procedure p)
    {
        IEnumerable<PolicyCondition?> conditions =
        [
            .. p.Conditions.Select(c => c.Check),
            .. p.Eligibility.Select(e => e.DenyWhen),
            .. p.Jurisdiction.Rules.Select(r => r.When),
            .. p.Materials.Select(m => m.RequiredWhen),
            .. p.Materials.SelectMany(m => m.Exemptions).Select(e => e.When),
            .. p.Presence.Select(s => s.When),
            .. p.Presence.Select(s => s.RemoteAlternative?.When),
            .. p.Fees.Select(f => f.When),
        ];
        return conditions.OfType<PolicyCondition>().SelectMany(c => c.Condition.Facts).Distinct().OrderBy(f => f.Slot);
    }

    private static string Summary(PrecheckResult r) =>
        $"{r.Verdict} {r.Eligibility.Eligible} {r.Routing.Authority.Id} visits={r.Visits.Count} fees={r.Fees.Count} "
        + string.Join(",", r.Materials.Select(m => $"{m.Id}:{m.Status}"));
}
