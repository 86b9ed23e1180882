using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Tests.Storage.Contract;

/// <summary>
/// One storage implementation as the contract sees it: every port over one fresh, empty, initialized store.
/// An implementation's test project builds it with <see cref="Of{TStore}"/> in its contract subclasses.
/// </summary>
public sealed class StorageUnderTest : IAsyncDisposable
{
    private readonly Func<Task<StorageUnderTest>> _openAnother;
    private readonly Func<ValueTask> _dispose;

    private StorageUnderTest(
        ICaseStorage storage,
        ICaseStore cases,
        IAuditStore audit,
        ILedgerStore ledgers,
        ITimerStore timers,
        IProcedureVersionStore versions,
        Func<Task<StorageUnderTest>> openAnother,
        Func<ValueTask> dispose,
        bool oneHost)
    {
        OneHost = oneHost;
        Storage = storage;
        Cases = cases;
        Audit = audit;
        Ledgers = ledgers;
        Timers = timers;
        Versions = versions;
        _openAnother = openAnother;
        _dispose = dispose;
    }

    internal ICaseStorage Storage { get; }

    internal ICaseStore Cases { get; }

    internal IAuditStore Audit { get; }

    internal ILedgerStore Ledgers { get; }

    internal ITimerStore Timers { get; }

    internal IProcedureVersionStore Versions { get; }

    /// <summary>
    /// True when the store takes one host at a time (SQLite: one file, one writer): a second instance reads, but its
    /// InitializeAsync is refused with <see cref="Cases.CaseStoreInUseException"/> while the first is open.
    /// </summary>
    internal bool OneHost { get; }

    /// <param name="store">One object implementing every port (as SQLite's store does).</param>
    /// <param name="openAnother">
    /// A second instance over the same data, as a second process would open it: its InitializeAsync has not run.
    /// </param>
    /// <param name="dispose">Closes the store and removes its data; also closes what <paramref name="openAnother"/> opened.</param>
    /// <param name="oneHost">See <see cref="OneHost"/>.</param>
    internal static StorageUnderTest Of<TStore>(TStore store, Func<Task<StorageUnderTest>> openAnother, Func<ValueTask> dispose, bool oneHost = false)
        where TStore : ICaseStorage, ICaseStore, IAuditStore, ILedgerStore, ITimerStore, IProcedureVersionStore =>
        new(store, store, store, store, store, store, openAnother, dispose, oneHost);

    /// <summary>A second instance over the same data, not yet initialized; disposed with this one at the latest.</summary>
    internal Task<StorageUnderTest> OpenAnotherAsync() => _openAnother();

    public ValueTask DisposeAsync() => _dispose();
}
