using Npgsql;
using OneVisit.Workflows.PostgreSql;
using OneVisit.Workflows.PostgreSql.Engine;
using OneVisit.Workflows.Tests.Support;

namespace OneVisit.Workflows.Tests.Storage.PostgreSql;

/// <summary>
/// The migrations on a read-only session (a standby, or 'onevisit cases' inspecting): a database already at the latest
/// version needs no DDL, so the engine's store, which migrates before its first read, can still read; one that needs
/// a migration is refused by the server, never left half done.
/// </summary>
[Collection(PostgresCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresReadOnlyMigrationTests(PostgresClusterFixture cluster)
{
    [Fact]
    public async Task ApplyAsync_OnAReadOnlySession_AtTheLatestVersion_DoesNothingAndSucceeds()
    {
        var db = await cluster.CreateDatabaseAsync();
        await using (var writer = NpgsqlDataSource.Create(db))
        {
            await PostgresCaseStorage.Migrations.ApplyAsync(writer, CancellationToken.None);
            await PostgresWorkflowSchema.Migrations.ApplyAsync(writer, CancellationToken.None);
        }

        await using var reader = NpgsqlDataSource.Create(ReadOnly(db));

        Assert.Equal(PostgresCaseStorage.Migrations.LatestVersion, await PostgresCaseStorage.Migrations.ApplyAsync(reader, CancellationToken.None));
        Assert.Equal(PostgresWorkflowSchema.Migrations.LatestVersion, await PostgresWorkflowSchema.Migrations.ApplyAsync(reader, CancellationToken.None));
    }

    [Fact]
    public async Task ApplyAsync_OnAReadOnlySession_OfAnEmptyDatabase_RefusedByTheServer()
    {
        var db = await cluster.CreateDatabaseAsync();
        await using var reader = NpgsqlDataSource.Create(ReadOnly(db));

        var refused = await Assert.ThrowsAsync<PostgresException>(() => PostgresCaseStorage.Migrations.ApplyAsync(reader, CancellationToken.None));

        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
    }

    private static string ReadOnly(string db) =>
        new NpgsqlConnectionStringBuilder(db) { Options = "-c default_transaction_read_only=on" }.ConnectionString;
}
