using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Simulation;
using OneVisit.Workflows.Tests.Engine.Runtime;
using OneVisit.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>
/// Many cases each receive their departments' answers at the same moment: every case must join its parallel
/// evidence branches promptly (WorkflowCore's defaults left some joins to the next 10 s poll).
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class ConcurrentEvidenceTests(ITestOutputHelper output)
{
    private const int Cases = 40;

    [Fact]
    public async Task AnswerEvidenceAsync_ManyCasesAtOnce_EachJoinsItsFourAnswersPromptly()
    {
        await using var harness = await CaseHarness.StartAsync(
            d => d.DefaultAnswer = SimulatedAnswer.Later,
            o => o.PollInterval = TimeSpan.FromSeconds(10));
        var ids = new List<string>();
        for (var i = 0; i < Cases; i++)
        {
            var submitted = await harness.Cases.SubmitAsync(harness.Errand("01-branch-registration.yaml", $"join-{i}", $"applicant-{i}"));
            ids.Add(submitted.CaseId);
        }

        await Task.WhenAll(ids.Select(async id =>
        {
            await harness.WaitForStage(id, CaseStage.AwaitingSupplement);
            await harness.Cases.SupplyDocumentsAsync(id, new SuppliedDocuments([new HeldDocument("lease_contract"), new HeldDocument("branch_head_appointment")]));
            await harness.WaitUntil(id, s => s.Evidence.Count(e => e.State == "waiting") == 4);
        }));

        // All answers for all cases at once, from several threads.
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            var evidence = (await harness.Cases.GetAsync(id)).Evidence;
            await Task.WhenAll(evidence.Select(e => harness.Cases.AnswerEvidenceAsync(id, e.MaterialId, EvidenceResponse.Issued($"DOC-{e.MaterialId}"))));
        })));
        var joined = await Task.WhenAll(ids.Select(async id =>
        {
            await harness.WaitForStage(id, CaseStage.UnderReview);
            return clock.Elapsed;
        }));

        var slowest = joined.Max();
        foreach (var id in ids)
        {
            await harness.Cases.DecideAsync(id, new OfficerDecision(Approved: true));
        }

        await Task.WhenAll(ids.Select(id => harness.WaitForStage(id, CaseStage.Closed)));
        var saves = harness.Services.GetRequiredService<OneVisit.Workflows.Engine.ObservedPersistence>().Saves;
        output.WriteLine($"workflow document writes per case, submission to close: {saves / (double)Cases:F1}");
        output.WriteLine($"{Cases} cases x 4 answers: median join {joined.Order().ElementAt(Cases / 2).TotalMilliseconds:F0} ms, slowest {slowest.TotalMilliseconds:F0} ms");
        Assert.True(slowest < TimeSpan.FromSeconds(3), $"the slowest case joined after {slowest.TotalMilliseconds:F0} ms; a poll-bound join takes up to 10 s");
    }
}
