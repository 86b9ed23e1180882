using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>
/// Starts tests/OneVisit.Workflows.ClusterNode as separate processes on one PostgreSQL database, and reads that
/// database: the multi-node tests' side of the cluster.
/// </summary>
internal static class ClusterNodes
{
    /// <summary>
    /// Starts node <paramref name="index"/> of <paramref name="nodes"/> (named <c>n{index}</c>); see the program's usage
    /// line for what it does with <paramref name="cases"/> and <paramref name="sharedKeys"/>.
    /// </summary>
    public static ChildHost Start(string connectionString, int index, int nodes, int cases, int sharedKeys, int departmentLatencyMs, bool silent, TimeSpan lease)
    {
        // The test runs from tests/OneVisit.Workflows.Tests/bin/<configuration>/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var node = Path.Combine(RepositoryRoot.Path, "tests", "OneVisit.Workflows.ClusterNode", "bin", configuration, "net10.0", "OneVisit.Workflows.ClusterNode.dll");
        string[] arguments =
        [
            node, connectionString, Text(index), Text(nodes), Text(cases), Text(sharedKeys), Text(departmentLatencyMs),
            silent ? "silent" : "run", Text((int)lease.TotalMilliseconds),
        ];
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return new ChildHost(Process.Start(start) ?? throw new InvalidOperationException("Could not start a cluster node."));
    }

    /// <summary>Reads lines until one satisfies <paramref name="match"/>; fails when the node's output ends first.</summary>
    public static async Task<string> WaitForLineAsync(this ChildHost node, Func<string, bool> match, string what)
    {
        while (await node.NextLineAsync() is { } line)
        {
            if (match(line))
            {
                return line;
            }
        }

        throw new Xunit.Sdk.XunitException($"The node ended before '{what}'.\nOutput:\n{node.Output}\nErrors:\n{node.Errors}");
    }

    /// <summary>The rows of <paramref name="sql"/>, each column as text (null as "").</summary>
    public static async Task<List<string[]>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The first column of each row of <paramref name="sql"/>.</summary>
    public static async Task<List<string>> ColumnAsync(string connectionString, string sql) =>
        [.. (await RowsAsync(connectionString, sql)).Select(r => r[0])];

    /// <summary>Kills the node at once, as kill -9 would, and waits until it is gone.</summary>
    public static async Task KillAsync(this ChildHost node)
    {
        node.Process.Kill(entireProcessTree: true);
        await node.Process.WaitForExitAsync();
    }

    /// <summary>Kills whatever of <paramref name="nodes"/> still runs (a failed test must not leave nodes behind).</summary>
    public static void KillAll(IEnumerable<ChildHost> nodes)
    {
        foreach (var node in nodes)
        {
            try
            {
                if (!node.Process.HasExited)
                {
                    node.Process.Kill(entireProcessTree: true);
                    node.Process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            node.Dispose();
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
