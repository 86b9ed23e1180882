namespace OneVisit.Benchmarks.Cases;

/// <summary>Runs a number of cases with a bounded number in flight, as a pool of clients would.</summary>
internal static class CaseLoad
{
    public static Task RunAsync(int count, int inFlight, Func<int, Task> runCase)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, Math.Min(inFlight, count)).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await runCase(i).ConfigureAwait(false);
            }
        })));
    }
}
