using Npgsql;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>
/// One value read from a PostgreSQL database the test made, on a connection of its own that is closed afterwards (a
/// pooled one left idle would keep the database busy when the fixture drops it).
/// </summary>
internal static class PostgresQuery
{
    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql) => (T)(await ScalarAsync(connectionString, sql))!;
}
