using System.Diagnostics;
using OneVisit.Benchmarks.Synthetic;

namespace OneVisit.Benchmarks.Scale;

/// <summary>
/// Measurements that are not micro-benchmarks, run as <c>dotnet run -c Release -- &lt;mode&gt;</c> in a fresh
/// process each: <c>check</c> (the generated catalogues lint clean and the three contenders agree), <c>coldstart</c>,
/// <c>memory</c> and <c>whatif</c> (a reform over a million situations).
/// </summary>
internal static partial class OneOffMeasurements
{
    /// <summary>Runs the mode named by <paramref name="args"/>; false when they are BenchmarkDotNet's.</summary>
    public static bool TryRun(string[] args)
    {
        switch (args)
        {
            case ["check", .. var sizes]:
                Check(sizes.Length == 0 ? [100, 1_000, 11_452] : [.. sizes.Select(int.Parse)]);
                return true;
            case ["coldstart", .. var rest]:
                ColdStart(rest.Length == 0 ? 11_452 : int.Parse(rest[0]));
                return true;
            case ["whatif", .. var rest]:
                WhatIf(rest.Length > 0 ? int.Parse(rest[0]) : 11_452, rest.Length > 1 ? long.Parse(rest[1]) : 1_000_000);
                return true;
            case ["memory", .. var rest]:
                Memory(rest.Length == 0 ? 11_452 : int.Parse(rest[0]), fast: !rest.Contains("--expression-compile"));
                return true;
            default:
                return false;
        }
    }

    private static void Check(int[] sizes)
    {
        foreach (var size in sizes)
        {
            var started = Stopwatch.GetTimestamp();
            _ = ScaleWorkload.Spread(size, 1_000);
            _ = ScaleWorkload.Grouped(size, 8, 64);
            Console.WriteLine($"{size} procedures: lint clean, OneVisit, hand-written and RulesEngine agree on 1,512 applications ({Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s).");
        }
    }
}
