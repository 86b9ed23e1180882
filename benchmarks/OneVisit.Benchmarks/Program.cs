using BenchmarkDotNet.Running;
using OneVisit.Benchmarks.Scale;

if (OneOffMeasurements.TryRun(args))
{
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
