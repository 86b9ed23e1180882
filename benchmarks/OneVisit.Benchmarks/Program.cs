using BenchmarkDotNet.Running;
using OneVisit.Benchmarks.Cases;
using OneVisit.Benchmarks.Scale;

// Measurements that are not BenchmarkDotNet benchmarks run as modes (a fresh process each: cold start, memory,
// latency percentiles); everything else goes to the switcher.
if (OneOffMeasurements.TryRun(args))
{
    return 0;
}

return args.FirstOrDefault() switch
{
    "latency" => await LatencyRun.RunAsync(args[1..]),
    "throughput" => await ThroughputRun.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
