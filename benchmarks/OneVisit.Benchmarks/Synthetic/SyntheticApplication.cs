using OneVisit.Rules.Precheck;

namespace OneVisit.Benchmarks.Synthetic;

/// <summary>
/// A generated application: the procedure, the applicant's facts as a plain object (for the baseline and
/// RulesEngine), the documents held, and the same as a <see cref="PrecheckRequest"/> for OneVisit. A fact in
/// <see cref="Unknown"/> is left out of the request (only the single-procedure micro-benchmark uses that).
/// </summary>
internal sealed record SyntheticApplication(ProcedureSpec Procedure, SyntheticFacts Facts, HeldDocument[] Documents, string[] Unknown)
{
    /// <summary>The request OneVisit checks: the procedure's own facts (what its form asks), by path.</summary>
    public PrecheckRequest ToRequest(string? windowId = null) => new()
    {
        ProcedureCode = Procedure.Code,
        AsOf = SyntheticCatalogue.AsOf,
        WindowId = windowId,
        Facts = Procedure.Facts.ToDictionary(f => f.Path, f => Unknown.Contains(f.Path) ? null : f.Get(Facts), StringComparer.Ordinal),
        Documents = Documents,
    };

    /// <summary>
    /// <paramref name="count"/> applications, drawn from <paramref name="seed"/>, to the procedures picked by
    /// <paramref name="procedureOf"/> (application index → procedure). Every fact is drawn over its whole range
    /// (thresholds fall inside it); each material's document is held with probability 0.6, in any edition, some
    /// expired; <paramref name="unknownShare"/> of the procedure's facts are left unknown.
    /// </summary>
    public static SyntheticApplication[] Draw(int count, int seed, Func<int, ProcedureSpec> procedureOf, double unknownShare = 0)
    {
        var random = new Random(seed);
        var applications = new SyntheticApplication[count];
        for (var i = 0; i < count; i++)
        {
            var procedure = procedureOf(i);
            var facts = new SyntheticFacts();
            foreach (var fact in FactSpec.All)
            {
                fact.Set!(facts, fact.Kind switch
                {
                    FactKind.Bool => random.Next(2) == 0,
                    FactKind.Enum => fact.Values![random.Next(fact.Values.Length)],
                    _ => fact.Min + (fact.Step * random.Next(0, (int)(fact.Range / fact.Step) + 1)),
                });
            }

            var documents = new List<HeldDocument>();
            foreach (var material in procedure.Materials)
            {
                if (random.NextDouble() >= 0.6)
                {
                    continue;
                }

                var document = material.Document;
                var editions = document.Versions.Length;
                var edition = editions == 0 ? null : random.Next(editions + 1) is var k && k == editions ? null : document.Versions[k].Version;
                DateOnly? expires = document.Expires ? (random.Next(4) == 0 ? new(2026, 1, 1) : new(2031, 1, 1)) : null;
                documents.Add(new HeldDocument(document.Id, edition, new(2025, 6, 1), expires, random.Next(3) == 0));
            }

            var unknown = unknownShare > 0 ? [.. procedure.Facts.Where(_ => random.NextDouble() < unknownShare).Select(f => f.Path)] : Array.Empty<string>();
            applications[i] = new SyntheticApplication(procedure, facts, [.. documents], unknown);
        }

        return applications;
    }
}
