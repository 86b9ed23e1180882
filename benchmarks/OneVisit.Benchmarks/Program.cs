using BenchmarkDotNet.Running;
using OneVisit.Benchmarks.Cases;
using OneVisit.Benchmarks.Scale;

// Measurements that are not BenchmarkDotNet benchmarks run as modes (a fresh process each: cold start, memory,
// latency percentiles); everything else goes to the switcher.
if (OneOffMeasurements.TryRun(args))
{
    return 0;
}

// Several nodes on a throwaway PostgreSQL cluster (initdb + pg_ctl; not on Windows).
if (!OperatingSystem.IsWindows() && args.FirstOrDefault() is { } mode && mode.StartsWith("cluster", StringComparison.Ordinal))
{
    return await ClusterRun.RunAsync(mode, args[1..]);
}

return args.FirstOrDefault() switch
{
    "latency" => await LatencyRun.RunAsync(args[1..]),
    "throughput" => await ThroughputRun.RunAsync(args[1..]),
    "web-load" => await OneVisit.Benchmarks.Web.WebLoadRun.RunAsync(args[1..]),
    "migrate" => await MigrationRun.RunAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
