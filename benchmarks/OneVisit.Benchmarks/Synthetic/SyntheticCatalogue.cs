using System.Security.Cryptography;
using System.Text;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;

namespace OneVisit.Benchmarks.Synthetic;

/// <summary>
/// A deterministic synthetic catalogue in the real YAML format, of any size (the 100, 1,000 and Hangzhou's
/// 11,452 procedures): 5–15 materials per procedure, conditions over 3–10 of 20 facts, exemptions of every kind,
/// jurisdiction tables of 3–6 rows, presence steps with remote alternatives, and forms with two or three editions
/// (held editions may be current, convertible or outdated). Procedure <c>i</c> depends only on the seed and
/// <c>i</c>, so the same code is the same procedure in a catalogue of any size. The generator keeps its own spec of
/// every rule (<see cref="Procedures"/>), from which the hand-written baseline and the RulesEngine workflows are
/// made without reading the YAML back.
/// </summary>
internal sealed partial class SyntheticCatalogue
{
    /// <summary>The seed used unless a benchmark says otherwise.</summary>
    public const int DefaultSeed = 20170218;

    /// <summary>The date every application is judged on (given explicitly: no clock in the measurement).</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 25);

    /// <summary>The authorities of the catalogue; jurisdiction rows name any of them.</summary>
    public static readonly string[] AuthorityIds = ["zj_office", "hz_office", "sc_office", "xh_office", "bj_office", "gs_office", "xs_office"];

    private SyntheticCatalogue(int seed, DocumentSpec[] documents, ProcedureSpec[] procedures)
    {
        Seed = seed;
        Documents = documents;
        Procedures = procedures;
    }

    public int Seed { get; }

    public DocumentSpec[] Documents { get; }

    public ProcedureSpec[] Procedures { get; }

    /// <summary>The code of the <paramref name="index"/>-th procedure (0-based).</summary>
    public static string Code(int index) => $"BENCH-{index + 1:00000}";

    /// <summary>Generates the spec of a catalogue of <paramref name="procedures"/> procedures (nothing is written yet).</summary>
    public static SyntheticCatalogue Generate(int procedures, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(procedures, 1);
        var documents = DocumentPool();
        var specs = new ProcedureSpec[procedures];
        for (var i = 0; i < procedures; i++)
        {
            specs[i] = DrawProcedure(new Random(unchecked((seed * 100_003) + i)), Code(i), documents);
        }

        return new SyntheticCatalogue(seed, documents, specs);
    }

    /// <summary>
    /// The catalogue's folder under the temp directory, written on first use and reused by size, seed and a hash of
    /// what the generator writes (so a changed generator never reads a stale folder).
    /// </summary>
    public string EnsureWritten()
    {
        var root = Path.Combine(Path.GetTempPath(), "onevisit-bench");
        var directory = Path.Combine(root, $"catalogue-{Procedures.Length}-{Seed}-{Fingerprint()}");
        if (File.Exists(Path.Combine(directory, ".complete")))
        {
            return directory;
        }

        // Write aside and move into place, so a crashed or parallel run never leaves a half catalogue behind.
        var staging = directory + ".tmp-" + Guid.NewGuid().ToString("N");
        WriteTo(staging);
        File.WriteAllText(Path.Combine(staging, ".complete"), "");
        try
        {
            Directory.Move(staging, directory);
        }
        catch (IOException) when (File.Exists(Path.Combine(directory, ".complete")))
        {
            Directory.Delete(staging, recursive: true);
        }

        return directory;
    }

    /// <summary>Writes (or reuses) the catalogue and loads it as staff would.</summary>
    /// <exception cref="InvalidOperationException">The catalogue has any diagnostic, even a warning: it must lint clean.</exception>
    public ProcedureCatalog Load() => LoadClean(EnsureWritten());

    /// <summary>Loads <paramref name="directory"/>, throwing unless it loads with no diagnostic at all.</summary>
    public static ProcedureCatalog LoadClean(string directory)
    {
        var result = CatalogLoader.Load(directory);
        if (result.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException(
                $"The synthetic catalogue in {directory} does not lint clean ({result.Diagnostics.Count} diagnostics):"
                + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics.Take(20)));
        }

        return result.GetCatalogOrThrow();
    }

    /// <summary>Writes the catalogue's files into <paramref name="directory"/> (e.g. to run <c>onevisit lint</c> on it).</summary>
    public void WriteTo(string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, "procedures"));
        File.WriteAllText(Path.Combine(directory, "catalog.yaml"), CatalogYaml);
        File.WriteAllText(Path.Combine(directory, "facts.yaml"), FactsYaml());
        File.WriteAllText(Path.Combine(directory, "authorities.yaml"), AuthoritiesYaml);
        File.WriteAllText(Path.Combine(directory, "documents.yaml"), DocumentsYaml(Documents));
        foreach (var procedure in Procedures)
        {
            File.WriteAllText(Path.Combine(directory, "procedures", procedure.Code.ToLowerInvariant() + ".yaml"), ProcedureYaml(procedure));
        }
    }

    private string Fingerprint()
    {
        var text = CatalogYaml + FactsYaml() + AuthoritiesYaml + DocumentsYaml(Documents) + ProcedureYaml(Procedures[0]) + ProcedureYaml(Procedures[^1]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
    }

    // 30 document types: a third issued by an authority (some with an e-licence, some fetchable by data sharing,
    // some expiring), a third brought by the applicant, a third generated by the office; six of them forms.
    private static DocumentSpec[] DocumentPool()
    {
        VersionSpec[] threeEditions =
        [
            new("2016", new(2016, 1, 1), new(2020, 12, 31), null),
            new("2020", new(2020, 7, 1), new(2025, 6, 30), null),
            new("2025", new(2025, 1, 1), null, "2020"),
        ];
        VersionSpec[] twoEditions =
        [
            new("2019", new(2019, 3, 1), new(2025, 6, 30), null),
            new("2024", new(2024, 1, 1), null, null),
        ];
        var documents = new DocumentSpec[30];
        for (var i = 0; i < documents.Length; i++)
        {
            var id = $"doc_{i:00}";
            documents[i] = (i % 3) switch
            {
                0 => new DocumentSpec(id, DocumentIssuer.Authority, i % 2 == 0 ? "hz_office" : "zj_office", i % 2 == 0, i % 2 == 1 || i % 12 == 0, i % 6 == 0, []),
                1 => new DocumentSpec(id, DocumentIssuer.Applicant, null, false, false, false, i switch { 1 or 7 => threeEditions, 4 => twoEditions, _ => [] }),
                _ => new DocumentSpec(id, DocumentIssuer.Government, null, false, false, false, i switch { 2 or 8 => twoEditions, 5 => threeEditions, _ => [] }),
            };
        }

        return documents;
    }

    private static ProcedureSpec DrawProcedure(Random random, string code, DocumentSpec[] documents)
    {
        var facts = FactSpec.All.OrderBy(_ => random.Next()).Take(random.Next(3, 11)).ToArray();
        var conditions = new List<SyntheticCondition>();
        int Add() { conditions.Add(SyntheticCondition.Draw(random, facts)); return conditions.Count - 1; }
        int Maybe(int percent) => random.Next(100) < percent ? Add() : -1;

        var eligibility = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Add()).ToArray();
        var jurisdiction = Enumerable.Range(0, random.Next(2, 6))
            .Select(_ => new JurisdictionSpec(Add(), AuthorityIds[random.Next(AuthorityIds.Length)]))
            .ToArray();
        var materials = documents.OrderBy(_ => random.Next()).Take(random.Next(5, 16))
            .Select(document =>
            {
                var requiredWhen = Maybe(70);
                var form = (MaterialForm)random.Next(3);
                var copies = 1 + random.Next(2);
                var kinds = new List<ExemptionKind> { ExemptionKind.Commitment, ExemptionKind.AcceptWithGap };
                if (document.Evidence)
                {
                    kinds.Add(ExemptionKind.DataSharing);
                }

                if (document.ELicence)
                {
                    kinds.Add(ExemptionKind.ELicence);
                }

                var exemptions = kinds.OrderBy(_ => random.Next()).Take(random.Next(0, 3))
                    .Select(kind => new ExemptionSpec(kind, Maybe(50), 5 + random.Next(11)))
                    .ToArray();
                return new MaterialSpec(document, requiredWhen, form, copies, exemptions);
            })
            .ToArray();
        (string Id, PresenceReason Reason)[] steps = [("identity", PresenceReason.IdentityCheck), ("signature", PresenceReason.Signature), ("photo", PresenceReason.Photo)];
        var presence = steps.OrderBy(_ => random.Next()).Take(1 + random.Next(2))
            .Select(s => new PresenceSpec(s.Id, s.Reason, Maybe(70), Maybe(60)))
            .ToArray();
        return new ProcedureSpec(code, [.. conditions], eligibility, jurisdiction, "hz_office", materials, presence, facts);
    }
}
