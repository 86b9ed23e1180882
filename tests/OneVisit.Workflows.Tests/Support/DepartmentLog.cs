namespace OneVisit.Workflows.Tests.Support;

/// <summary>
/// The crash host's department log (tests/OneVisit.Workflows.CrashHost/FileBackedDepartment.cs): one line per request
/// received, "key, sending process, time", grouped by key.
/// </summary>
internal static class DepartmentLog
{
    public static List<IGrouping<string, string>> Read(string path) =>
        File.ReadAllLines(path).GroupBy(line => line.Split('\t')[0], StringComparer.Ordinal).ToList();

    /// <summary>No key sent more than twice (once before a kill, once again after it); a failure names each send.</summary>
    public static void AssertAtMostTwice(IEnumerable<IGrouping<string, string>> sent) =>
        Assert.All(sent, g => Assert.True(g.Count() <= 2, $"{g.Key} was sent {g.Count()} times: {string.Join("; ", g.Select(line => line.Replace('\t', ' ')))}"));
}
