using Microsoft.Extensions.DependencyInjection;
using OneVisit.Rules.Json;
using OneVisit.Workflows.Bundles.Internal;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Engine;
using OneVisit.Workflows.Storage;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Cases;

/// <summary>
/// A wait reads the case once, then takes each save made on this node as that save wrote it: it returns the case as
/// stored without reading the workflow back. A save it is handed without data (one made on another node) is read.
/// </summary>
public sealed class WaitUntilTests
{
    [Fact]
    public async Task WaitUntilAsync_CaseDecidedAndClosedHere_ReadsTheWorkflowOnce_AndReturnsTheCaseAsStored()
    {
        var engine = (CountingEngine?)null;
        await using var harness = await CaseHarness.StartAsync(overrides: s => s.AddSingleton<ICaseEngine>(sp => engine = new CountingEngine(sp.GetRequiredService<WorkflowCoreCaseEngine>())));
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "waited"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);

        var waiting = engine!.CountAsync(() => harness.WaitForStage(submitted.CaseId, CaseStage.Closed));
        await engine.Asleep.WaitAsync(TimeSpan.FromSeconds(30));
        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));
        var closed = await waiting;

        Assert.Equal(CaseOutcome.Approved, closed.Outcome);
        Assert.Equal(Json(await harness.Cases.GetAsync(submitted.CaseId)), Json(closed));
        Assert.True(engine.Woken > 0, "the wait was woken by the decision's saves");
        Assert.Equal((1, engine.Woken), (engine.Reads, engine.HandedData));
    }

    [Fact]
    public async Task WaitUntilAsync_SavesHandedWithoutData_ReadsTheWorkflowForEach()
    {
        var engine = (CountingEngine?)null;
        await using var harness = await CaseHarness.StartAsync(overrides: s => s.AddSingleton<ICaseEngine>(sp => engine = new CountingEngine(sp.GetRequiredService<WorkflowCoreCaseEngine>()) { DropData = true }));
        var submitted = await harness.Cases.SubmitAsync(harness.Errand("03-company-name-province.yaml", "remote"));
        await harness.WaitForStage(submitted.CaseId, CaseStage.UnderReview);

        var waiting = engine!.CountAsync(() => harness.WaitForStage(submitted.CaseId, CaseStage.Closed));
        await engine.Asleep.WaitAsync(TimeSpan.FromSeconds(30));
        await harness.Cases.DecideAsync(submitted.CaseId, new OfficerDecision(Approved: true));
        var closed = await waiting;

        Assert.Equal(Json(await harness.Cases.GetAsync(submitted.CaseId)), Json(closed));
        Assert.True(engine.Woken > 0, "the wait was woken by the decision's saves");
        Assert.Equal(1 + engine.Woken, engine.Reads);
    }

    private static string Json(CaseSnapshot snapshot) => OneVisitJson.ToJson(json => Workflows.Json.CaseJson.WriteCase(json, snapshot, TimeZoneInfo.Utc));

    /// <summary>
    /// The real engine, counting what one wait reads and is handed. Only the calls made under <see cref="CountAsync"/>
    /// count: the flag flows with that call's awaits, not to the decision's calls nor the engine's own threads.
    /// </summary>
    private sealed class CountingEngine(ICaseEngine inner) : ICaseEngine
    {
        private static readonly AsyncLocal<bool> Counted = new();
        private readonly TaskCompletionSource _asleep = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;
        private int _woken;
        private int _handedData;

        /// <summary>Hands every save on as if made on another node, without its data.</summary>
        public bool DropData { get; init; }

        /// <summary>Completes once the counted wait has read the case and waits for a save.</summary>
        public Task Asleep => _asleep.Task;

        public int Reads => Volatile.Read(ref _reads);

        public int Woken => Volatile.Read(ref _woken);

        public int HandedData => Volatile.Read(ref _handedData);

        public async Task<T> CountAsync<T>(Func<Task<T>> call)
        {
            Counted.Value = true;
            return await call();
        }

        public Task<CaseData?> LoadAsync(string workflowId, CancellationToken cancellationToken)
        {
            if (Counted.Value)
            {
                Interlocked.Increment(ref _reads);
            }

            return inner.LoadAsync(workflowId, cancellationToken);
        }

        public ISaveWatch Watch(string workflowId) => Counted.Value ? new CountedWatch(inner.Watch(workflowId), this) : inner.Watch(workflowId);

        private sealed class CountedWatch(ISaveWatch watch, CountingEngine counts) : ISaveWatch
        {
            public async Task<object?> NextAsync(CancellationToken cancellationToken)
            {
                counts._asleep.TrySetResult();
                var data = await watch.NextAsync(cancellationToken);
                Interlocked.Increment(ref counts._woken);
                if (data is not null && !counts.DropData)
                {
                    Interlocked.Increment(ref counts._handedData);
                    return data;
                }

                return null;
            }

            public void Dispose() => watch.Dispose();
        }

        public Task NextSave(string workflowId) => inner.NextSave(workflowId);

        public Task<string> StartCaseAsync(CaseData data, CancellationToken cancellationToken) => inner.StartCaseAsync(data, cancellationToken);

        public Task EnsureDefinitionAsync(CaseTerms terms, CancellationToken cancellationToken) => inner.EnsureDefinitionAsync(terms, cancellationToken);

        public Task<string?> FindWorkflowAsync(string caseId, CancellationToken cancellationToken) => inner.FindWorkflowAsync(caseId, cancellationToken);

        public Task<bool> PurgeAsync(IReadOnlyList<string> caseIds, Func<ICaseTransaction, bool> caseWrites, CancellationToken cancellationToken) => inner.PurgeAsync(caseIds, caseWrites, cancellationToken);

        public Task StartAsync(IReadOnlyList<CaseTerms> current, CancellationToken cancellationToken) => inner.StartAsync(current, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

        public Task<IAsyncDisposable> JoinLocksAsync() => inner.JoinLocksAsync();

        public Task<bool> UpdateCaseAsync(string workflowId, Func<CaseData, bool> change, TimeSpan lockWait, CancellationToken cancellationToken) =>
            inner.UpdateCaseAsync(workflowId, change, lockWait, cancellationToken);

        public Task<string> StartBundleAsync(BundleData data, CancellationToken cancellationToken) => inner.StartBundleAsync(data, cancellationToken);

        public Task<BundleData?> LoadBundleAsync(string workflowId, CancellationToken cancellationToken) => inner.LoadBundleAsync(workflowId, cancellationToken);
    }
}
