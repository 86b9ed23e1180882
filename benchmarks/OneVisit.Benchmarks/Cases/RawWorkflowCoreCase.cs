using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OneVisit.Workflows.Evidence;
using OneVisit.Workflows.Simulation;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace OneVisit.Benchmarks.Cases;

/// <summary>
/// The benchmark case on plain WorkflowCore 3.22 (<c>AddWorkflow()</c>: its in-memory store, queue and locks,
/// its 100 ms idle time), the engine's own baseline: an intake step, the two evidence requests in parallel
/// (<c>ForEach</c>, one branch each, asking the same <see cref="SimulatedDepartments"/> OneVisit uses), a review
/// step that waits for the officer's decision event, and a closing step. Nothing is audited or stored besides
/// the engine's own in-memory instances, so it is the floor of what any case on this engine costs.
/// </summary>
internal sealed class RawWorkflowCoreHost : IAsyncDisposable
{
    public const string DecisionEvent = "raw.decision";

    private readonly ServiceProvider _provider;

    private RawWorkflowCoreHost(ServiceProvider provider)
    {
        _provider = provider;
        Host = provider.GetRequiredService<IWorkflowHost>();
        Signals = provider.GetRequiredService<RawCaseSignals>();
    }

    public IWorkflowHost Host { get; }

    public RawCaseSignals Signals { get; }

    /// <param name="pollInterval">WorkflowCore's poll; its default is 10 s.</param>
    public static async Task<RawWorkflowCoreHost> StartAsync(TimeSpan pollInterval)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflow(o => o.UsePollInterval(pollInterval));
        services.AddSingleton<RawCaseSignals>();
        services.AddSingleton(new SimulatedDepartments(new SimulatedDepartmentsOptions(), TimeProvider.System));
        services.AddTransient<RawIntake>();
        services.AddTransient<RawEvidence>();
        services.AddTransient<RawReview>();
        services.AddTransient<RawClose>();
        var provider = services.BuildServiceProvider();
        var host = new RawWorkflowCoreHost(provider);
        host.Host.RegisterWorkflow<RawCaseWorkflow, RawCase>();
        await host.Host.StartAsync(CancellationToken.None).ConfigureAwait(false);
        return host;
    }

    /// <summary>One case end to end, driven like OneVisit's: start, wait for review, publish the decision, wait for the close.</summary>
    public async Task RunCaseAsync(string caseId, TimeSpan timeout)
    {
        var underReview = Signals.Expect(caseId, RawCaseSignals.UnderReview);
        var closed = Signals.Expect(caseId, RawCaseSignals.Closed);
        await Host.StartWorkflow(RawCaseWorkflow.WorkflowId, 1, new RawCase { CaseId = caseId, SubmittedAt = DateTime.UtcNow }, caseId).ConfigureAwait(false);
        await underReview.WaitAsync(timeout).ConfigureAwait(false);
        await Host.PublishEvent(DecisionEvent, caseId, "approved", DateTime.UtcNow).ConfigureAwait(false);
        await closed.WaitAsync(timeout).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _provider.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>The raw case's data, held by reference in WorkflowCore's in-memory store.</summary>
internal sealed class RawCase
{
    public string CaseId { get; set; } = "";

    public DateTime SubmittedAt { get; set; }

    public string Stage { get; set; } = "submitted";

    public List<string> Materials { get; set; } = ["property_certificate", "household_record"];

    public ConcurrentDictionary<string, string> Evidence { get; } = new(StringComparer.Ordinal);

    public string? Decision { get; set; }
}

internal sealed class RawCaseWorkflow : IWorkflow<RawCase>
{
    public const string WorkflowId = "raw.case";

    public string Id => WorkflowId;

    public int Version => 1;

    public void Build(IWorkflowBuilder<RawCase> builder) => builder
        .StartWith<RawIntake>()
        .ForEach(data => data.Materials, data => true)
            .Do(each => each.StartWith<RawEvidence>())
        .Then<RawReview>()
        .Then<RawClose>();
}

/// <summary>Tells the benchmark when a raw case reaches review and when it closes (what OneVisit's <c>WaitUntilAsync</c> tells it).</summary>
internal sealed class RawCaseSignals
{
    public const string UnderReview = "review";
    public const string Decided = "decided";
    public const string Closed = "closed";

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    public Task Expect(string caseId, string stage) =>
        _waiting.GetOrAdd(caseId + "/" + stage, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Reached(string caseId, string stage)
    {
        if (_waiting.TryRemove(caseId + "/" + stage, out var waiting))
        {
            waiting.TrySetResult();
        }
    }
}

internal sealed class RawIntake : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        ((RawCase)context.Workflow.Data).Stage = "fetching_evidence";
        return ExecutionResult.Next();
    }
}

internal sealed class RawEvidence(SimulatedDepartments departments) : StepBodyAsync
{
    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var data = (RawCase)context.Workflow.Data;
        var material = (string)context.Item;
        var request = new EvidenceRequest($"{data.CaseId}:{material}", data.CaseId, "bench_registry", material, "applicant", "BENCH-0001", BenchCatalogue.AuthorityId);
        var answer = await departments.RequestAsync(request, context.CancellationToken).ConfigureAwait(false);
        data.Evidence[material] = answer.Outcome.ToString();
        return ExecutionResult.Next();
    }
}

/// <summary>Like OneVisit's review step: on first entry it marks the case under review and waits for the decision in the same step.</summary>
internal sealed class RawReview(RawCaseSignals signals) : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        var data = (RawCase)context.Workflow.Data;
        if (context.ExecutionPointer.EventPublished)
        {
            data.Decision = (string)context.ExecutionPointer.EventData;
            signals.Reached(data.CaseId, RawCaseSignals.Decided);
            return ExecutionResult.Next();
        }

        data.Stage = "under_review";
        signals.Reached(data.CaseId, RawCaseSignals.UnderReview);
        return ExecutionResult.WaitForEvent(RawWorkflowCoreHost.DecisionEvent, data.CaseId, data.SubmittedAt);
    }
}

internal sealed class RawClose(RawCaseSignals signals) : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        var data = (RawCase)context.Workflow.Data;
        data.Stage = "closed";
        signals.Reached(data.CaseId, RawCaseSignals.Closed);
        return ExecutionResult.Next();
    }
}
