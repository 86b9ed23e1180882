using BenchmarkDotNet.Running;
using OneVisit.Benchmarks.Cases;

// Measurements that are not BenchmarkDotNet benchmarks run as modes; everything else goes to the switcher.
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
