using OneVisit.Rules.Catalog;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Bundles;

namespace OneVisit.Cli.Demo;

/// <summary>
/// The demo's fifth act, a family's newborn (出生一件事): the four errands failed department by department, and
/// the seed's hardest requirement is that visits count per life matter. Only people are scripted here too: the
/// family hands the joint form in at the hospital's desk, each member's officers approve when their member reaches
/// review, and the family picks the results up if the bundle delivers at the window.
/// </summary>
internal static class Newborn
{
    /// <summary>The sample's joint application (its as_of is 2019-07-15; the bundle is in force from 2019-06-01).</summary>
    public const string ApplicationFile = "05-birth-bundle.yaml";

    /// <summary>The mother applies at the hospital's joint desk three days after the birth, a Monday morning in Hangzhou.</summary>
    public static readonly DateTimeOffset Morning = new(2019, 7, 15, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Each officer takes up a member this long after it reached review.</summary>
    public static readonly TimeSpan OfficerTakesUp = TimeSpan.FromMinutes(30);

    /// <summary>When the family comes back for results delivered at the window: the same afternoon.</summary>
    public static readonly TimeSpan PickupAt = new(16, 30, 0);

    public const string ApplicantId = "demo-family-5";

    public const string HandIn = "hand-in of the joint application at the birth desk";

    /// <summary>How it went in 2017, before bundles: each department on its own.</summary>
    public static readonly LocalizedText Then = new(
        "2017 年尚无“出生一件事”：新生儿的各项事项须分别到各部门办理，前一个部门出具的证明要由家人自己带到下一个部门。",
        "No bundle yet in 2017: each of the newborn's procedures was applied for at its own department, and the family carried each result to the next one themselves.");
}

/// <summary>How the newborn's bundle went: what the precheck said at home, the bundle case as it closed, its audit trail.</summary>
internal sealed record NewbornResult(BundlePrecheckResult Precheck, BundleCaseSnapshot Bundle, IReadOnlyList<AuditEntry> Steps)
{
    public TimeSpan TimeToResult => Bundle.ClosedAt is { } closed ? closed - Bundle.SubmittedAt : TimeSpan.Zero;
}

/// <summary>Everything the demo replayed: the four errands, then the newborn.</summary>
internal sealed record DemoResults(IReadOnlyList<ErrandResult> Errands, NewbornResult Newborn);
