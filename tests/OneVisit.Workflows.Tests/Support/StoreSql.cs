using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>
/// Direct SQL on a case store, SQLite file or PostgreSQL database, to check what was (or was not) stored beyond what
/// the service shows. Statements are written once in the SQL both understand; parameters are named <c>$name</c>
/// (sent to PostgreSQL as <c>@name</c>). SQLite connections are not pooled, so no file stays open; PostgreSQL's are
/// (a new server process per query made the crash tests' checks take seconds), and closed after two idle seconds.
/// </summary>
internal sealed partial class StoreSql(string sqlitePath, string? postgres)
{
    public bool IsPostgres => postgres is not null;

    /// <summary>The first column of the first row, as a long (a count, or an instant in Unix milliseconds).</summary>
    public async Task<long> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a statement (to set up a store as a crash would have left it); returns the rows changed.</summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row's first column, as text (a null as "").</summary>
    public async Task<List<string>> StringsAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        }

        return values;
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = postgres is null
            ? new SqliteConnection($"Data Source={sqlitePath};Pooling=False")
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1 }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private DbCommand Command(DbConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = postgres is null ? sql : Parameter().Replace(sql, "@$1");
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = postgres is null ? name : name.TrimStart('$');
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    [GeneratedRegex(@"\$([A-Za-z_]\w*)")]
    private static partial Regex Parameter();
}
