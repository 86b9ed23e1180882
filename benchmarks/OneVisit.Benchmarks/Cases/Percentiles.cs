using System.Globalization;

namespace OneVisit.Benchmarks.Cases;

/// <summary>Nearest-rank percentiles of a set of latencies, as one markdown table row.</summary>
internal sealed class Percentiles(IEnumerable<TimeSpan> samples)
{
    private readonly TimeSpan[] _sorted = [.. samples.Order()];

    public int Count => _sorted.Length;

    public TimeSpan At(double quantile) => _sorted[Math.Clamp((int)Math.Ceiling(quantile * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public TimeSpan Max => _sorted[^1];

    public const string Header = "| what | n | p50 | p90 | p99 | max |\n| --- | ---: | ---: | ---: | ---: | ---: |";

    public string Row(string what) => string.Create(CultureInfo.InvariantCulture,
        $"| {what} | {Count} | {Ms(At(0.5))} | {Ms(At(0.9))} | {Ms(At(0.99))} | {Ms(Max)} |");

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms";
}
