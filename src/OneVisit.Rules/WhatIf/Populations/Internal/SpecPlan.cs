namespace OneVisit.Rules.WhatIf.Populations.Internal;

/// <summary>
/// A checked spec made ready to draw: each entry's number of rows, its rows' weight and its samplers. Situations
/// are yielded one at a time, so a million of them never sit in memory together.
/// </summary>
internal sealed class SpecPlan
{
    private readonly PopulationSpec _spec;
    private readonly long[] _rows;
    private readonly FactSampler[][] _samplers;

    public SpecPlan(PopulationSpec spec)
    {
        _spec = spec;
        _rows = Split(spec.Situations, [.. spec.Entries.Select(e => e.Volume)]);
        _samplers = [.. spec.Entries.Select(e => e.Facts.Select(FactSampler.For).ToArray())];
    }

    /// <summary>How many situations will be drawn (at least one per entry, so possibly a few more than asked).</summary>
    public long Count => _rows.Sum();

    public IEnumerable<Situation> Generate()
    {
        for (var i = 0; i < _spec.Entries.Count; i++)
        {
            var entry = _spec.Entries[i];
            var samplers = _samplers[i];
            var weight = entry.Volume / _rows[i];

            // Each entry draws from a stream of its own, so adding an entry leaves the others' situations as they were.
            var random = new Xoshiro256(_spec.Seed, (ulong)i);
            for (long row = 0; row < _rows[i]; row++)
            {
                var facts = new Dictionary<string, object?>(samplers.Length, StringComparer.Ordinal);
                foreach (var sampler in samplers)
                {
                    if (sampler.Draw(random) is { } value)
                    {
                        facts[sampler.Path] = value;
                    }
                }

                yield return new Situation { Code = entry.Code, Weight = weight, Facts = facts };
            }
        }
    }

    /// <summary>
    /// Splits <paramref name="total"/> rows in proportion to the volumes by largest remainder (so they add up to
    /// the total), then gives any entry left without a row one row.
    /// </summary>
    internal static long[] Split(long total, double[] volumes)
    {
        var sum = volumes.Sum();
        var quotas = volumes.Select(v => total * (v / sum)).ToArray();
        var rows = quotas.Select(q => (long)Math.Floor(q)).ToArray();
        var left = total - rows.Sum();
        foreach (var i in Enumerable.Range(0, rows.Length).OrderByDescending(i => quotas[i] - rows[i]).ThenBy(i => i).Take((int)Math.Max(0, left)))
        {
            rows[i]++;
        }

        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = Math.Max(1, rows[i]);
        }

        return rows;
    }
}
