using System.Collections.Concurrent;
using System.Diagnostics;

namespace OneVisit.Workflows.Tests.Engine.Runtime;

/// <summary>
/// Where the test workflows' last step reports that an instance finished, with the
/// <see cref="Stopwatch"/> timestamp at which it did. Keyed by workflow id (a fresh GUID per
/// instance), so tests running side by side do not meet.
/// </summary>
internal static class CompletionProbe
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<long>> Completions = new();

    public static Task<long> Completion(string workflowId) => Get(workflowId).Task;

    public static void Signal(string workflowId) => Get(workflowId).TrySetResult(Stopwatch.GetTimestamp());

    public static void Forget(string workflowId) => Completions.TryRemove(workflowId, out _);

    private static TaskCompletionSource<long> Get(string workflowId) =>
        Completions.GetOrAdd(workflowId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
