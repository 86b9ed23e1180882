using System.Text.RegularExpressions;
using OneVisit.Cli.Common;

namespace OneVisit.Cli.Tests.Demo;

/// <summary>
/// <c>onevisit demo</c> without <c>--db</c>: a new store per run, so demos at once never share one, and
/// <c>onevisit cases</c> without <c>--db</c> reads the newest.
/// </summary>
public sealed partial class DemoStoreFileTests
{
    [Fact]
    public async Task Two_demos_at_once_both_succeed_each_in_its_own_store()
    {
        var stale = PlantStaleStore();
        var runs = new[] { Task.Run(() => Cli.Run("demo")), Task.Run(() => Cli.Run("demo")) };
        var results = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromMinutes(5));
        var stores = results.Select(r => StoredIn().Match(r.Output).Groups["path"].Value).ToArray();
        try
        {
            Assert.All(results, r => Assert.True(r.ExitCode == ExitCodes.Ok, r.Output + r.Error));
            Assert.All(stores, s => Assert.Equal(DemoStores.Folder, Path.GetDirectoryName(s)));
            Assert.NotEqual(stores[0], stores[1]);
            Assert.All(results.Zip(stores), r => Assert.Contains($"--db {r.Second}", r.First.Output, StringComparison.Ordinal));
            Assert.False(File.Exists(stale), "A store untouched for over a week should be removed when a demo starts.");

            // Without --db, 'cases list' reads the newest demo store: one of the two, with its four cases.
            var (exit, output, error) = Cli.Run("cases", "list");
            Assert.True(exit == ExitCodes.Ok, output + error);
            Assert.Equal(4, output.Split('\n').Count(l => l.StartsWith('C')));
            Assert.Contains(DemoStores.Newest(), stores);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var store in stores.Where(s => s.Length > 0))
            {
                File.Delete(store);
            }
        }
    }

    private static string PlantStaleStore()
    {
        Directory.CreateDirectory(DemoStores.Folder);
        var stale = Path.Combine(DemoStores.Folder, $"cases-20000101-000000-{Guid.NewGuid().ToString("N")[..6]}.db");
        File.WriteAllText(stale, "");
        File.SetLastWriteTimeUtc(stale, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        return stale;
    }

    [GeneratedRegex(@"The cases are stored in (?<path>\S+)\. Open one:")]
    private static partial Regex StoredIn();
}
