using Microsoft.Data.Sqlite;
using static OneVisit.Workflows.Tests.Storage.Contract.StorageData;

namespace OneVisit.Workflows.Tests.Storage.Sqlite;

/// <summary>SQLite keeps the audit log append-only by itself: not even a statement behind the store's back changes a line.</summary>
public sealed class SqliteAuditLogTests : IAsyncLifetime
{
    private readonly SqliteStorageFile _file = new();

    public async Task InitializeAsync()
    {
        var (_, store) = await _file.OpenAsync(initialize: true);
        await store.AppendAuditAsync("case-1:submitted", Line("case-1", "submitted online"), CancellationToken.None);
    }

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();

    [Theory]
    [InlineData("UPDATE ov_audit SET detail = 'rewritten'")]
    [InlineData("DELETE FROM ov_audit")]
    public void RawStatement_ChangingAnAuditLine_FailsAndTheLineStays(string sql)
    {
        using var connection = _file.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;

        var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        command.CommandText = "SELECT detail FROM ov_audit";
        Assert.Equal("submitted online", command.ExecuteScalar());
    }
}
