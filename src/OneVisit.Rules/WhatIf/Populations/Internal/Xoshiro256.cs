using System.Numerics;
using OneVisit.Rules.WhatIf.Internal;

namespace OneVisit.Rules.WhatIf.Populations.Internal;

/// <summary>
/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64. Ours, not <see cref="Random"/>: a seeded
/// <see cref="Random"/> may change its algorithm between .NET versions, and a population's seed must give the same
/// situations for as long as a run record names it.
/// </summary>
internal sealed class Xoshiro256
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>A generator for one stream of <paramref name="seed"/> (each entry of a spec draws from its own).</summary>
    public Xoshiro256(ulong seed, ulong stream)
    {
        var mix = new SplitMix64(seed ^ (stream * 0x9E3779B97F4A7C15UL));
        _s0 = mix.Next();
        _s1 = mix.Next();
        _s2 = mix.Next();
        _s3 = mix.Next();
    }

    public ulong Next()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [0, <paramref name="count"/>), without modulo bias (Lemire's method).</summary>
    public ulong NextBelow(ulong count)
    {
        var high = Math.BigMul(Next(), count, out var low);
        if (low < count)
        {
            var threshold = (0 - count) % count;
            while (low < threshold)
            {
                high = Math.BigMul(Next(), count, out low);
            }
        }

        return high;
    }
}
