using System.Collections.Concurrent;

namespace OneVisit.Rules.Precheck.Internal;

/// <summary>
/// Compiled rule sets by procedure, compiled on first use and kept up to a bound (least recently used leave first).
/// Parallel first uses of one procedure share one compilation: the dictionary may build several entries in a
/// race, but only the stored entry's <see cref="Lazy{T}"/> ever runs.
/// </summary>
internal sealed class RuleSetCache(int capacity, Func<string, ProcedureRules> compile, Action<string> onEvicted)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _evictionLock = new();
    private long _clock;
    private int _compilations;

    /// <summary>How many rule sets were compiled since the cache was made (evicted ones compile again).</summary>
    public int Compilations => Volatile.Read(ref _compilations);

    public int Count => _entries.Count;

    public ProcedureRules Get(string code)
    {
        var entry = _entries.GetOrAdd(code, static (key, cache) => new Entry(new Lazy<ProcedureRules>(
            () =>
            {
                Interlocked.Increment(ref cache._compilations);
                return cache.Compile(key);
            },
            LazyThreadSafetyMode.ExecutionAndPublication)), this);
        Volatile.Write(ref entry.LastUsed, Interlocked.Increment(ref _clock));
        ProcedureRules rules;
        try
        {
            rules = entry.Value.Value;
        }
        catch
        {
            // Do not keep a failure: the next call tries again (and reports again) rather than replaying it.
            _entries.TryRemove(new KeyValuePair<string, Entry>(code, entry));
            throw;
        }

        if (_entries.Count > capacity)
        {
            Evict();
        }

        return rules;
    }

    private ProcedureRules Compile(string code) => compile(code);

    // O(n) scan, but only when the cache overflows; a bounded cache of a few hundred entries makes this cheap
    // next to the compilation that caused it.
    private void Evict()
    {
        lock (_evictionLock)
        {
            while (_entries.Count > capacity)
            {
                var oldest = _entries.MinBy(e => Volatile.Read(ref e.Value.LastUsed));
                if (_entries.TryRemove(oldest))
                {
                    onEvicted(oldest.Key);
                }
            }
        }
    }

    private sealed class Entry(Lazy<ProcedureRules> value)
    {
        public readonly Lazy<ProcedureRules> Value = value;
        public long LastUsed;
    }
}
