using System.Diagnostics;
using System.Globalization;

namespace OneVisit.Benchmarks.Cases;

/// <summary>Wall time spent in each phase of a case, summed over cases (for profiling runs).</summary>
internal sealed class CasePhases
{
    private static readonly string[] Names = ["submit", "wait for review", "decide", "wait for close"];
    private readonly long[] _ticks = new long[Names.Length];
    private int _cases;

    /// <summary>Adds the time since <paramref name="since"/> to phase <paramref name="phase"/> and returns now.</summary>
    public long Add(int phase, long since)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _ticks[phase], now - since);
        if (phase == Names.Length - 1)
        {
            Interlocked.Increment(ref _cases);
        }

        return now;
    }

    public override string ToString() => string.Join(", ", Names.Select((name, i) => string.Create(CultureInfo.InvariantCulture,
        $"{name} {TimeSpan.FromTicks((long)(_ticks[i] * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency)) / Math.Max(1, _cases)).TotalMilliseconds:F1} ms")));
}
