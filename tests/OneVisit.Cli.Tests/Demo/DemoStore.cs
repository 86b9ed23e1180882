namespace OneVisit.Cli.Tests.Demo;

/// <summary>One run of <c>onevisit demo --lang en</c> into a temporary database, shared by the tests that read it.</summary>
public sealed class DemoStore : IDisposable
{
    public DemoStore()
    {
        Folder = Directory.CreateTempSubdirectory("onevisit-demo-tests-").FullName;
        Database = Path.Combine(Folder, "cases.db");
        (ExitCode, Output, Error) = Cli.Run("demo", "--db", Database, "--lang", "en");
    }

    public string Folder { get; }

    public string Database { get; }

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>What the runtime and the demo's script wrote into a case (audit details, purposes, notes): data, not labels.</summary>
    public static IEnumerable<string> DataOf(string database, string caseId)
    {
        var (_, output, _) = Cli.Run("cases", "show", caseId, "--db", database, "--json");
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var root = json.RootElement;
        var strings = new List<string?> { root.GetProperty("outcomeReason").GetString() };
        // A bundle case has no evidence of its own; its members' whys and waits are the runtime's words.
        foreach (var (array, fields) in new[] { ("audit", new[] { "detail", "purpose", "dataRequested" }), ("visits", ["purpose"]), ("awaiting", ["what"]), ("evidence", ["note"]), ("members", ["why"]) })
        {
            if (root.TryGetProperty(array, out var items))
            {
                strings.AddRange(items.EnumerateArray().SelectMany(item => fields.Select(f => item.GetProperty(f).GetString())));
            }
        }

        return strings.OfType<string>().ToList();
    }
}
