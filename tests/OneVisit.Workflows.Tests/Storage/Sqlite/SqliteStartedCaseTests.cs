using OneVisit.Workflows.Engine.Persistence;
using OneVisit.Workflows.Persistence.Sqlite;
using WorkflowCore.Models;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Storage.Sqlite;

/// <summary>
/// On SQLite a case also counts as started when the engine holds a workflow whose reference is the case id,
/// even before SetWorkflowAsync linked it (the host stopped in between): it is listed and never deleted.
/// </summary>
public sealed class SqliteStartedCaseTests : IAsyncLifetime
{
    private readonly SqliteStorageFile _file = new();
    private SqliteCaseStore _store = null!;
    private SqliteWorkflowStore _engine = null!;

    public async Task InitializeAsync()
    {
        var (database, store) = await _file.OpenAsync(initialize: true);
        _store = store;
        _engine = SqliteStorageFile.Engine(database);
        await _store.TryInsertCaseAsync(Case("case-1"), CancellationToken.None);
        await _engine.CreateNewWorkflow(new WorkflowInstance { WorkflowDefinitionId = "case", Version = 1, Reference = "case-1", Status = WorkflowStatus.Runnable, CreateTime = T0.UtcDateTime });
    }

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    [Fact]
    public async Task ListCasesAsync_EngineWorkflowReferencesTheUnlinkedCase_ListsIt()
    {
        var listed = await _store.ListCasesAsync(null, authorityIds: null, openOnly: true, 10, CancellationToken.None);

        Assert.Equal(["case-1"], listed.Select(c => c.CaseId));
        Assert.Null(listed[0].WorkflowId);
    }

    [Fact]
    public async Task DeleteUnstartedCaseAsync_EngineWorkflowReferencesTheUnlinkedCase_ReturnsFalseAndKeepsIt()
    {
        var deleted = await _store.DeleteUnstartedCaseAsync("case-1", CancellationToken.None);

        Assert.False(deleted);
        Assert.NotNull(await _store.FindCaseAsync("case-1", CancellationToken.None));
        // Still reported as possibly unstarted: the start-up repair links it rather than starting a second workflow.
        Assert.Equal(["case-1"], (await _store.CasesWithoutWorkflowAsync(CancellationToken.None)).Select(c => c.CaseId));
    }
}
