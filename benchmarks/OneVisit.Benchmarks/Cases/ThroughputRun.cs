using System.Diagnostics;
using System.Globalization;

namespace OneVisit.Benchmarks.Cases;

/// <summary>
/// A quick stopwatch run of the throughput workload, for profiling between BenchmarkDotNet runs:
/// <c>throughput [cases] [in-flight] [onevisit|workflowcore] [n]</c>, where n is OneVisit's cases at once or
/// WorkflowCore's poll in ms. Prints cases/s and CPU time per round; for OneVisit also the mean time per phase,
/// the store writer's busy time and writes, and log events per case.
/// </summary>
internal static class ThroughputRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : CaseThroughputBenchmarks.Cases;
        var inFlight = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : CaseThroughputBenchmarks.InFlight;
        var which = args.Length > 2 ? args[2] : "onevisit";
        int? concurrent = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : null;
        var timeout = TimeSpan.FromSeconds(60);
        for (var round = 1; round <= 3; round++)
        {
            var process = Process.GetCurrentProcess();
            if (which == "workflowcore")
            {
                await using var raw = await RawWorkflowCoreHost.StartAsync(TimeSpan.FromMilliseconds(concurrent ?? 100)).ConfigureAwait(false);
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                await CaseLoad.RunAsync(cases, inFlight, i => raw.RunCaseAsync($"r{round}-{i}", timeout)).ConfigureAwait(false);
                Report(round, cases, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
            }
            else
            {
                var profiling = new ProfilingLog();
                await using var host = await OneVisitCaseHost.StartAsync(o => o.MaxConcurrentCases = concurrent ?? o.MaxConcurrentCases, profiling).ConfigureAwait(false);
                profiling.Take(cases, TimeSpan.Zero);
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var phases = new CasePhases();
                await CaseLoad.RunAsync(cases, inFlight, i => host.RunCaseAsync($"r{round}-{i}", timeout, phases)).ConfigureAwait(false);
                Report(round, cases, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
                Console.WriteLine("  mean per case: " + phases);
                Console.WriteLine(profiling.Take(cases, clock.Elapsed));
            }
        }

        return 0;
    }

    private static void Report(int round, int cases, TimeSpan elapsed, TimeSpan cpu) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {round}: {cases} cases in {elapsed.TotalSeconds:F2} s = {cases / elapsed.TotalSeconds:F0} cases/s; CPU {cpu.TotalSeconds:F2} s ({cpu / elapsed / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores)"));
}
