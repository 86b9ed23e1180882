using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Cases;

namespace OneVisit.Benchmarks.Cases;

/// <summary>
/// The benchmark procedure (<c>Cases/catalog</c>): the applicant holds the form, two documents are fetched
/// from two departments in parallel, an officer decides, the result goes by mail.
/// </summary>
internal static class BenchCatalogue
{
    public const string ProcedureCode = "BENCH-0001";
    public const string AuthorityId = "bench_bureau";
    public const int EvidenceRequests = 2;

    /// <summary>The catalogue folder, copied next to the assembly (BenchmarkDotNet builds elsewhere, so the source tree is the fallback).</summary>
    public static string Directory { get; } = Locate();

    public static CaseSubmission Submission(string key) => new()
    {
        IdempotencyKey = key,
        Application = new PrecheckRequest
        {
            ProcedureCode = ProcedureCode,
            Facts = new Dictionary<string, object?> { ["applicant.has_e_id"] = true },
            Documents = [new HeldDocument("bench_application_form", IssuedOn: DateOnly.FromDateTime(DateTime.UtcNow))],
        },
    };

    public static OfficerDecision Approve { get; } = new(Approved: true);

    /// <summary>The applicant of the case submitted under <paramref name="key"/>, signed in as themselves.</summary>
    public static CaseActor Applicant(string key) => CaseActor.Applicant("applicant-" + key);

    /// <summary>The bureau's reviewer, who decides every benchmark case.</summary>
    public static CaseActor Reviewer { get; } = CaseActor.Officer("bench-officer", new OfficerPost(AuthorityId, OfficerRole.Reviewer));

    private static string Locate()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Cases", "catalog");
        if (System.IO.Directory.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var source = Path.Combine(dir.FullName, "benchmarks", "OneVisit.Benchmarks", "Cases", "catalog");
            if (System.IO.Directory.Exists(source))
            {
                return source;
            }
        }

        throw new DirectoryNotFoundException($"The benchmark catalogue (Cases/catalog) is neither beside {AppContext.BaseDirectory} nor in a parent's source tree.");
    }
}
