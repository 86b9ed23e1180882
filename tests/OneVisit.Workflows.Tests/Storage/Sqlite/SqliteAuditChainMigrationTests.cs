using OneVisit.Workflows.Tests.Support;
using OneVisit.Workflows.Audit;
using OneVisit.Workflows.Cases.Internal;
using OneVisit.Workflows.Persistence.Sqlite;
using OneVisit.Workflows.Storage;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Storage.Sqlite;

/// <summary>A store that had audit lines before it chained them: those lines are reported as not chained, never as verified.</summary>
public sealed class SqliteAuditChainMigrationTests : IAsyncLifetime
{
    private readonly SqliteStorageFile _file = new();

    public async Task InitializeAsync()
    {
        // The store as version 3 left it, with a line of case-old written then.
        var (database, _) = await _file.OpenAsync(initialize: false);
        SqliteStorageFile.Engine(database).EnsureStoreExists();
        await database.MigrateAsync(new SqliteMigrations(CaseSchema.Component, [.. CaseSchema.Migrations.Take(3)]), CancellationToken.None);
        using var connection = _file.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO ov_audit (entry_key, case_id, subject_id, at, actor, action, detail) VALUES ('old:0', 'case-old', 'subject-1', 0, 'applicant', 'submitted', 'before chaining')";
        command.ExecuteNonQuery();

        // One host per file: the store as version 3 left it is closed before each test opens its own.
        await database.DisposeAsync();
    }

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    [Fact]
    public async Task VerifyAsync_BeforeTheMigration_EveryLineNotChained()
    {
        var (_, store) = await _file.OpenAsync(initialize: false);

        var check = Assert.Single((await VerifyAsync(store)).Cases);

        Assert.Equal(("case-old", AuditChainState.NotChained, 0, 1), (check.CaseId, check.State, check.ChainedLines, check.UnchainedLines));
    }

    [Fact]
    public async Task VerifyAsync_OldCaseGoesOnAfterTheMigration_NewLinesChainedOldOnesNotChained()
    {
        var (_, store) = await _file.OpenAsync(initialize: true);
        await store.AppendAuditAsync("old:1", Line("case-old", "after chaining"), CancellationToken.None);
        await store.AppendAuditAsync("new:0", Line("case-new", "chained"), CancellationToken.None);

        var verification = await VerifyAsync(store);

        Assert.Equal(
            [("case-new", AuditChainState.Verified, 1, 0), ("case-old", AuditChainState.NotChained, 1, 1)],
            verification.Cases.Select(c => (c.CaseId, c.State, c.ChainedLines, c.UnchainedLines)));
        Assert.False(verification.AllVerified);
        Assert.False(verification.AnyBroken);
    }

    private static Task<AuditVerification> VerifyAsync(SqliteCaseStore store) =>
        TestAuditLog.Over(store, AuditSeal.Unkeyed).VerifyAsync();
}
