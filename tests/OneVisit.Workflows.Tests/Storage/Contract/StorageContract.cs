using OneVisit.Workflows.Storage;

namespace OneVisit.Workflows.Tests.Storage.Contract;

/// <summary>
/// The base of every storage contract: each test gets a fresh, empty, initialized store from
/// <see cref="OpenAsync"/> and tests it only through the port. A storage implementation passes the contract by
/// deriving one sealed test class per contract class and overriding <see cref="OpenAsync"/>; nothing here may
/// know which implementation it runs against, so these files can be linked into another test project.
/// </summary>
public abstract class StorageContract : IAsyncLifetime
{
    private StorageUnderTest? _store;

    /// <summary>A fresh, empty store whose InitializeAsync has run.</summary>
    protected abstract Task<StorageUnderTest> OpenAsync();

    private protected static CancellationToken None => CancellationToken.None;

    private protected StorageUnderTest Store => _store ?? throw new InvalidOperationException("The store is opened before each test.");

    private protected ICaseStorage Storage => Store.Storage;

    private protected ICaseStore Cases => Store.Cases;

    private protected IAuditStore Audit => Store.Audit;

    private protected ILedgerStore Ledgers => Store.Ledgers;

    private protected ITimerStore Timers => Store.Timers;

    private protected IProcedureVersionStore Versions => Store.Versions;

    async Task IAsyncLifetime.InitializeAsync() => _store = await OpenAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    /// <summary>Runs <paramref name="write"/> in a transaction of its own, as a case step's save would.</summary>
    private protected Task WriteAsync(Action<ICaseTransaction> write) =>
        Storage.WriteAsync(
            transaction =>
            {
                write(transaction);
                return true;
            },
            None);

    /// <summary>Records the case and links it to a workflow, so it counts as started.</summary>
    private protected async Task<CaseRow> StartCaseAsync(CaseRow row)
    {
        Assert.Null(await Cases.TryInsertCaseAsync(row, None));
        await Cases.SetWorkflowAsync(row.CaseId, $"wf-{row.CaseId}", None);
        return row with { WorkflowId = $"wf-{row.CaseId}" };
    }

    /// <summary>Closes the case as the final step's save does: its index row gets an outcome and a closing instant.</summary>
    private protected Task CloseCaseAsync(string caseId, DateTimeOffset at) =>
        WriteAsync(t => t.UpdateStage(caseId, "Closed", "Approved", "authority-2", at));
}
