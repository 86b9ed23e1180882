using System.Diagnostics;
using OneVisit.Benchmarks.Synthetic;
using OneVisit.Rules.Precheck;

namespace OneVisit.Benchmarks.Scale;

/// <summary>
/// Cold start and resident memory, timed with a <see cref="Stopwatch"/> in a fresh process rather than by
/// BenchmarkDotNet: its jitting and pilot stages would warm exactly what these measure (the first load, the first
/// compile in a process), and it reports allocations, not the resident memory an operator pays for.
/// </summary>
internal static partial class OneOffMeasurements
{
    private static void ColdStart(int size)
    {
        var synthetic = SyntheticCatalogue.Generate(size);
        var directory = synthetic.EnsureWritten(); // generated before the process's clock starts; the files are in the OS cache
        var applications = SyntheticApplication.Draw(21, SyntheticCatalogue.DefaultSeed + 4, i => synthetic.Procedures[(size - 1) - (i * 97 % size)]);

        var started = Stopwatch.GetTimestamp();
        var catalog = SyntheticCatalogue.LoadClean(directory);
        var loaded = Stopwatch.GetElapsedTime(started);
        var engine = new PrecheckEngine(catalog);
        var created = Stopwatch.GetElapsedTime(started);
        var first = engine.Check(applications[0].ToRequest());
        var firstChecked = Stopwatch.GetElapsedTime(started);

        // Later procedures never compiled before, in the same process: the compile without the process's first JIT.
        var later = new List<double>();
        foreach (var application in applications.Skip(1))
        {
            var t = Stopwatch.GetTimestamp();
            _ = engine.Check(application.ToRequest());
            later.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        later.Sort();
        Console.WriteLine($"| {size:N0} | {loaded.TotalMilliseconds:N0} ms | {(created - loaded).TotalMilliseconds:0.0} ms | "
            + $"{(firstChecked - created).TotalMilliseconds:N0} ms | {firstChecked.TotalMilliseconds:N0} ms | {later[later.Count / 2]:0.0} ms (max {later[^1]:0.0}) | {first.Verdict} |");
    }

    private static void Memory(int size, bool fast = true)
    {
        var synthetic = SyntheticCatalogue.Generate(size);
        var directory = synthetic.EnsureWritten();
        var applications = SyntheticApplication.Draw(size, SyntheticCatalogue.DefaultSeed + 5, i => synthetic.Procedures[i]);
        var requests = applications.Select(a => a.ToRequest()).ToArray();
        Report("runtime and the generator's spec only", null, 0);

        var catalog = SyntheticCatalogue.LoadClean(directory);
        var engine = new PrecheckEngine(catalog, new PrecheckOptions { UseFastExpressionCompiler = fast });
        Report($"catalogue of {size:N0} loaded, nothing checked", engine, 0);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < requests.Length; i++)
        {
            _ = engine.Check(requests[i]);
            if (i + 1 is 512 or 1_000 or 2_000 || i + 1 == requests.Length)
            {
                Report($"{i + 1:N0} distinct procedures prechecked", engine, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }

        GC.KeepAlive(catalog);
    }

    private static void Report(string stage, PrecheckEngine? engine, double seconds)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"| {stage} | {process.WorkingSet64 / 1048576.0:N0} MB | {GC.GetTotalMemory(forceFullCollection: false) / 1048576.0:N0} MB | {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0:N0} MB | "
            + $"{engine?.CachedRuleSets.ToString() ?? "-"} | {engine?.Compilations.ToString() ?? "-"} | {(seconds > 0 ? $"{seconds:0.0} s" : "-")} |");
    }
}
