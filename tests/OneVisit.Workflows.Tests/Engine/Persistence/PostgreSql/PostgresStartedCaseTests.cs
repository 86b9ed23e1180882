using OneVisit.Workflows.Tests.Support;
using WorkflowCore.Models;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Engine.Persistence.PostgreSql;

/// <summary>
/// As on SQLite (SqliteStartedCaseTests): once the engine's tables exist, a case also counts as started when the engine
/// holds a workflow whose reference is the case id, even before SetWorkflowAsync linked it: it is listed and never deleted.
/// </summary>
[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresStartedCaseTests(PostgresClusterFixture cluster)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<PostgresEngineDatabase> StartedButUnlinkedAsync(string test)
    {
        var db = new PostgresEngineDatabase(await cluster.CreateDatabaseAsync(test));
        var (engine, cases) = await db.NodeAsync();
        await cases.TryInsertCaseAsync(Case("case-1"), None);
        await cases.TryInsertCaseAsync(Case("case-2"), None);
        await engine.CreateNewWorkflow(new WorkflowInstance { WorkflowDefinitionId = "case", Version = 1, Reference = "case-1", Status = WorkflowStatus.Runnable, CreateTime = T0.UtcDateTime });
        return db;
    }

    [Fact]
    public async Task ListCasesAsync_EngineWorkflowReferencesTheUnlinkedCase_ListsIt()
    {
        await using var db = await StartedButUnlinkedAsync(nameof(ListCasesAsync_EngineWorkflowReferencesTheUnlinkedCase_ListsIt));
        var (_, cases) = await db.NodeAsync();

        var listed = await cases.ListCasesAsync(null, authorityIds: null, openOnly: true, 10, None);

        Assert.Equal(["case-1"], listed.Select(c => c.CaseId));
        Assert.Null(listed[0].WorkflowId);
    }

    [Fact]
    public async Task DeleteUnstartedCaseAsync_EngineWorkflowReferencesTheUnlinkedCase_ReturnsFalseAndKeepsIt()
    {
        await using var db = await StartedButUnlinkedAsync(nameof(DeleteUnstartedCaseAsync_EngineWorkflowReferencesTheUnlinkedCase_ReturnsFalseAndKeepsIt));
        var (_, cases) = await db.NodeAsync();

        Assert.False(await cases.DeleteUnstartedCaseAsync("case-1", None));
        Assert.True(await cases.DeleteUnstartedCaseAsync("case-2", None));

        Assert.NotNull(await cases.FindCaseAsync("case-1", None));
        Assert.Null(await cases.FindCaseAsync("case-2", None));
        // Still reported as possibly unstarted: the start-up repair links it rather than starting a second workflow.
        Assert.Equal(["case-1"], (await cases.CasesWithoutWorkflowAsync(None)).Select(c => c.CaseId));
    }
}
