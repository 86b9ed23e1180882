using System.Text;

namespace OneVisit.Rules.WhatIf.Internal;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator whose output is fixed by its published constants, so a
/// seeded population is the same on every .NET version and machine; <see cref="Random"/> promises no such thing.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A generator of its own for one stream (a procedure's code): adding a procedure leaves the others' draws alone.</summary>
    public static SplitMix64 For(ulong seed, string stream)
    {
        // FNV-1a over the UTF-8 bytes: a stable hash, unlike string.GetHashCode, which is randomised per process.
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(stream))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return new SplitMix64(seed ^ hash);
    }

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in 0..<paramref name="count"/>-1, each equally likely (multiply-shift, no modulo bias worth the name).</summary>
    public int Below(int count) => (int)(((Next() >> 32) * (ulong)count) >> 32);
}
