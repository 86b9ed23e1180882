using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Bundles;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Bundles;

/// <summary>Plays the officers of a bundle's members (and the applicant at the pickup) until the bundle case closes.</summary>
internal static class BundleDriver
{
    /// <summary>
    /// Decides each member as it reaches review (approved unless <paramref name="refuse"/> names its procedure, with
    /// the reason given), picks the results up when they wait at the window, and returns the closed bundle case.
    /// </summary>
    public static async Task<BundleCaseSnapshot> RunToEndAsync(CaseHarness harness, string bundleCaseId, IReadOnlyDictionary<string, string>? refuse = null)
    {
        var decided = new HashSet<string>(StringComparer.Ordinal);
        var supplied = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var bundle = await harness.WaitUntilBundle(bundleCaseId, b => b.IsClosed || b.Stage is CaseStage.AwaitingPickup or CaseStage.AwaitingSupplement || UnderReview(b, decided).Any() || AskingApplicant(b, supplied).Any());
            if (bundle.IsClosed)
            {
                return bundle;
            }

            if (bundle.Stage == CaseStage.AwaitingSupplement)
            {
                // The one notice: everything it lists, handed in once at the bundle's window.
                await harness.Bundles.SupplyDocumentsAsync(bundleCaseId, new SuppliedDocuments([.. bundle.Awaiting.Select(a => new HeldDocument(a.MaterialId!))]));
                await harness.WaitUntilBundle(bundleCaseId, b => b.Stage != CaseStage.AwaitingSupplement);
                continue;
            }

            foreach (var member in AskingApplicant(bundle, supplied).ToList())
            {
                // A member accepted with a gap (容缺) waits for it on its own case.
                var memberCase = await harness.Cases.GetAsync(member.CaseId!);
                var procedure = harness.Catalog.Procedures[member.ProcedureCode];
                var documents = memberCase.Awaiting.Where(a => a.From == "applicant" && a.MaterialId is not null)
                    .Select(a => new HeldDocument(procedure.Materials.First(m => m.Id == a.MaterialId).DocumentId, IssuedOn: DateOnly.FromDateTime(harness.Time.GetUtcNow().DateTime)))
                    .ToList();
                await harness.Cases.SupplyDocumentsAsync(member.CaseId!, new SuppliedDocuments(documents));
                supplied.Add(member.CaseId!);
            }

            if (bundle.Stage == CaseStage.AwaitingPickup)
            {
                await harness.Bundles.ConfirmPickupAsync(bundleCaseId);
                return await harness.WaitUntilBundle(bundleCaseId, b => b.IsClosed);
            }

            foreach (var member in UnderReview(bundle, decided).ToList())
            {
                var reason = refuse?.GetValueOrDefault(member.ProcedureCode);
                await harness.Cases.DecideAsync(member.CaseId!, new OfficerDecision(reason is null, reason));
                decided.Add(member.CaseId!);
            }
        }
    }

    private static IEnumerable<BundleMemberStatus> AskingApplicant(BundleCaseSnapshot bundle, HashSet<string> supplied) =>
        bundle.Members.Where(m => m.State == BundleMemberState.Waiting && m.Why?.Contains("from applicant", StringComparison.Ordinal) == true && !supplied.Contains(m.CaseId!));

    private static IEnumerable<BundleMemberStatus> UnderReview(BundleCaseSnapshot bundle, HashSet<string> decided) =>
        bundle.Members.Where(m => m.CaseStage == CaseStage.UnderReview && !decided.Contains(m.CaseId!));

    /// <summary>A harness on SQLite whose clock stands on the application's date (bundles are in force only from theirs), 09:00 in Hangzhou.</summary>
    public static Task<CaseHarness> HarnessOn(DateOnly day, Action<Simulation.SimulatedDepartmentsOptions>? departments = null, Action<CaseOptions>? options = null, string? catalog = null) =>
        CaseStore.Sqlite.HarnessOn(day, departments, options, catalog);

    /// <summary>A harness on <paramref name="store"/> whose clock stands on the application's date, 09:00 in Hangzhou.</summary>
    public static async Task<CaseHarness> HarnessOn(this CaseStore store, DateOnly day, Action<Simulation.SimulatedDepartmentsOptions>? departments = null, Action<CaseOptions>? options = null, string? catalog = null, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var harness = await store.StartAsync(departments, options, catalog: catalog, test: test);
        harness.Time.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        return harness;
    }
}
