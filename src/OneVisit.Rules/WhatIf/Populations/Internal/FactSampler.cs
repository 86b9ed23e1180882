namespace OneVisit.Rules.WhatIf.Populations.Internal;

/// <summary>Draws one fact's value for a situation; built once per entry from a checked distribution.</summary>
internal abstract class FactSampler(string path)
{
    public string Path { get; } = path;

    public abstract object? Draw(Xoshiro256 random);

    public static FactSampler For(FactDistribution distribution) => distribution switch
    {
        FixedFact f => new Fixed(f.Path, f.Value),
        FactShares s => new Shares(s),
        NumberRange r => new Numbers(r),
        DateRange d => new Dates(d),
        _ => throw new ArgumentException($"Unknown kind of distribution: {distribution.GetType().Name}.", nameof(distribution)),
    };

    private sealed class Fixed(string path, object? value) : FactSampler(path)
    {
        public override object? Draw(Xoshiro256 random) => value;
    }

    private sealed class Shares : FactSampler
    {
        private readonly object?[] _values;
        private readonly double[] _upTo;

        public Shares(FactShares shares)
            : base(shares.Path)
        {
            _values = [.. shares.Shares.Select(s => s.Value)];
            _upTo = new double[_values.Length];
            var total = 0.0;
            for (var i = 0; i < _upTo.Length; i++)
            {
                total += shares.Shares[i].Share;
                _upTo[i] = total;
            }
        }

        public override object? Draw(Xoshiro256 random)
        {
            // Shares sum to 1 within a tolerance; a draw beyond the last bound belongs to the last value.
            var u = random.NextDouble() * _upTo[^1];
            for (var i = 0; i < _upTo.Length - 1; i++)
            {
                if (u < _upTo[i])
                {
                    return _values[i];
                }
            }

            return _values[^1];
        }
    }

    private sealed class Numbers(NumberRange range) : FactSampler(range.Path)
    {
        private readonly ulong _count = (ulong)(range.Max - range.Min) + 1;

        // A range of every long has 2^64 values, which wraps to 0: then any 64 bits will do.
        public override object? Draw(Xoshiro256 random) =>
            (decimal)(range.Min + (long)(_count == 0 ? random.Next() : random.NextBelow(_count)));
    }

    private sealed class Dates(DateRange range) : FactSampler(range.Path)
    {
        private readonly ulong _count = (ulong)(range.To.DayNumber - range.From.DayNumber) + 1;

        public override object? Draw(Xoshiro256 random) =>
            DateOnly.FromDayNumber(range.From.DayNumber + (int)random.NextBelow(_count));
    }
}
