namespace OneVisit.Workflows.Tests.Support;

/// <summary>Reads a harness's store (SQLite file or PostgreSQL database) directly, to check what was (or was not) stored beyond what the service shows.</summary>
internal static class CaseDb
{
    /// <summary>The first column of the first row, as a long (a count, or an instant in Unix milliseconds).</summary>
    public static Task<long> ScalarAsync(this CaseHarness harness, string sql, params (string Name, object? Value)[] parameters) =>
        harness.Sql.ScalarAsync(sql, parameters);

    /// <summary>Runs a statement (to set up a store as a crash would have left it); returns the rows changed.</summary>
    public static Task<int> ExecuteAsync(this CaseHarness harness, string sql, params (string Name, object? Value)[] parameters) =>
        harness.Sql.ExecuteAsync(sql, parameters);

    /// <summary>Every row's first column, as text.</summary>
    public static Task<List<string>> StringsAsync(this CaseHarness harness, string sql, params (string Name, object? Value)[] parameters) =>
        harness.Sql.StringsAsync(sql, parameters);

    /// <summary>When the case's pending timer of <paramref name="kind"/> is due; fails when there is not exactly one.</summary>
    public static async Task<DateTimeOffset> PendingTimerAsync(this CaseHarness harness, string caseId, string kind)
    {
        // SQLite keeps an instant as Unix milliseconds; PostgreSQL as a timestamptz (microseconds), read here as milliseconds too.
        var due = harness.Sql.IsPostgres ? "(extract(epoch FROM due) * 1000)::bigint" : "due";
        var pending = await harness.StringsAsync($"SELECT {due} FROM ov_timers WHERE case_id = $case AND kind = $kind AND NOT fired", ("$case", caseId), ("$kind", kind));
        Assert.True(pending.Count == 1, $"expected one pending '{kind}' timer for {caseId}, found {pending.Count}");
        return DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(pending[0], System.Globalization.CultureInfo.InvariantCulture)).ToOffset(TimeSpan.FromHours(8));
    }

    /// <summary>Workflows started for the case (the engine's reference is the case id).</summary>
    public static Task<long> WorkflowsOfAsync(this CaseHarness harness, string caseId) =>
        harness.ScalarAsync("SELECT COUNT(*) FROM wf_instances WHERE reference = $case", ("$case", caseId));
}
