using Microsoft.Data.Sqlite;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>Reads a harness's SQLite file directly, to check what was (or was not) stored beyond what the service shows.</summary>
internal static class CaseDb
{
    /// <summary>The first column of the first row, as a long (a count, or an instant in Unix milliseconds).</summary>
    public static async Task<long> ScalarAsync(this CaseHarness harness, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a statement (to set up a store as a crash would have left it); returns the rows changed.</summary>
    public static async Task<int> ExecuteAsync(this CaseHarness harness, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row's first column, as text.</summary>
    public static async Task<List<string>> StringsAsync(this CaseHarness harness, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? "" : reader.GetValue(0).ToString() ?? "");
        }

        return values;
    }

    /// <summary>When the case's pending timer of <paramref name="kind"/> is due; fails when there is not exactly one.</summary>
    public static async Task<DateTimeOffset> PendingTimerAsync(this CaseHarness harness, string caseId, string kind)
    {
        var due = await harness.StringsAsync("SELECT due FROM ov_timers WHERE case_id = $case AND kind = $kind AND fired = 0", ("$case", caseId), ("$kind", kind));
        Assert.True(due.Count == 1, $"expected one pending '{kind}' timer for {caseId}, found {due.Count}");
        return DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(due[0], System.Globalization.CultureInfo.InvariantCulture)).ToOffset(TimeSpan.FromHours(8));
    }

    /// <summary>Workflows started for the case (the engine's reference is the case id).</summary>
    public static Task<long> WorkflowsOfAsync(this CaseHarness harness, string caseId) =>
        harness.ScalarAsync("SELECT COUNT(*) FROM wf_instances WHERE reference = $case", ("$case", caseId));
}
