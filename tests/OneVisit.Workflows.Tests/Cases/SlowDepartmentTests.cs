using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>A department that is slow to answer holds up only the cases waiting for it, never the engine's slots.</summary>
public sealed class SlowDepartmentTests
{
    [Fact]
    public async Task SubmitAsync_HundredCasesWithFourEngineSlots_AllReachADepartmentThatHoldsEveryRequest()
    {
        const int Cases = 100;
        var department = new HeldDepartment(Cases);
        await using var harness = await CaseHarness.StartAsync(
            options: o => o.MaxConcurrentCases = 4,
            workflows: w => w.AddEvidenceProvider("*", department));

        var submitted = await Task.WhenAll(Enumerable.Range(0, Cases).Select(i => harness.Cases.SubmitAsync(harness.Errand("04-housing-fund-rent-withdrawal.yaml", $"slow-{i}"))));

        // Had a request held one of the four slots, only four would ever reach the department. (The timeout is a guard against hanging, not a wait.)
        await department.AllAsked.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal((Cases, 0), (department.Asked, department.Answered));
        Assert.Equal(submitted.Select(s => s.CaseId).Order(), department.Requests.Select(r => r.CaseId).Order());
        foreach (var waiting in submitted)
        {
            // A request reaches the department before its step saves the wait (the step gives a quick answer
            // EvidenceInlineWait to come), so each case is read once it has saved it.
            var snapshot = await harness.WaitUntil(waiting.CaseId, s => s.Evidence.Single().State != "pending");
            Assert.Equal((CaseStage.FetchingEvidence, "requested"), (snapshot.Stage, snapshot.Evidence.Single().State));
            Assert.Equal(("evidence", WaitsEndCases.Registry), (snapshot.Awaiting.Single().Kind, snapshot.Awaiting.Single().From));
        }

        department.Release();
        foreach (var released in submitted)
        {
            var review = await harness.WaitForStage(released.CaseId, CaseStage.UnderReview);
            Assert.Equal("received", review.Evidence.Single().State);
        }

        Assert.Equal((Cases, Cases), (department.Asked, department.Answered));
    }

    /// <summary>Takes every request and answers none until released; counts what it was asked and what it answered.</summary>
    private sealed class HeldDepartment(int expected) : IEvidenceProvider
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly System.Collections.Concurrent.ConcurrentQueue<EvidenceRequest> _requests = new();
        private int _asked;
        private int _answered;

        public TaskCompletionSource AllAsked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Asked => Volatile.Read(ref _asked);

        public int Answered => Volatile.Read(ref _answered);

        public IReadOnlyCollection<EvidenceRequest> Requests => _requests;

        public void Release() => _release.TrySetResult();

        public async Task<EvidenceResponse> RequestAsync(EvidenceRequest request, CancellationToken cancellationToken)
        {
            _requests.Enqueue(request);
            if (Interlocked.Increment(ref _asked) == expected)
            {
                AllAsked.TrySetResult();
            }

            await _release.Task.WaitAsync(cancellationToken);
            Interlocked.Increment(ref _answered);
            return EvidenceResponse.Issued($"HELD-{request.CaseId}");
        }
    }
}
