using System.Text.RegularExpressions;
using OneVisit.Cli.Cases;
using OneVisit.Cli.Common;
using OneVisit.Cli.Demo;

namespace OneVisit.Cli.Tests.Demo;

/// <summary>
/// <c>onevisit demo</c> without <c>--db</c>: a new store per run, so demos at once never share one, and
/// <c>onevisit cases</c> without <c>--db</c> reads the newest.
/// </summary>
public sealed partial class DemoStoreFileTests
{
    [Fact]
    public async Task Demo_TwoAtOnce_BothSucceedEachInItsOwnStoreAndItsOwnLanguage()
    {
        var stale = PlantStaleStore();
        var runs = new[] { Task.Run(() => Cli.Run("demo")), Task.Run(() => Cli.Run("demo", "--lang", "en")) };
        var results = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromMinutes(5));
        var stores = results.Select(r => OpenCommand().Match(r.Output).Groups["path"].Value).ToArray();
        try
        {
            Assert.All(results, r => Assert.True(r.ExitCode == ExitCodes.Ok, r.Output + r.Error));
            Assert.All(stores, s => Assert.Equal(DemoStores.Folder, Path.GetDirectoryName(s)));
            Assert.NotEqual(stores[0], stores[1]);
            Assert.All(results.Zip(stores), r => Assert.Contains($"--db {r.Second}", r.First.Output, StringComparison.Ordinal));
            Assert.False(File.Exists(stale), "A store untouched for over a week should be removed when a demo starts.");

            // Without --db, 'cases list' reads the newest demo store: one of the two, with its four errands and its bundle of four.
            var (exit, output, error) = Cli.Run("cases", "list");
            Assert.True(exit == ExitCodes.Ok, output + error);
            Assert.Equal(4, output.Split('\n').Count(l => l.StartsWith('C')));
            Assert.Equal(5, output.Split('\n').Count(l => l.StartsWith('B')));
            Assert.Contains(DemoStores.Newest(), stores);

            // Each report in its language, the cases' own data (audit details, purposes) aside.
            var (chinese, english) = (results[0].Output, results[1].Output);
            Assert.Contains("在家预审 预审结论：暂不能办结：尚缺材料；尚缺：房屋租赁合同、分公司负责人任职文件（一次性告知）", chinese, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^\s+1\s+分公司设立登记\s+未办结：材料不齐\s+0\s+0\s+1 天 1 小时\s+C[0-9A-F]{20}$", chinese);
            Assert.Contains("the precheck says not yet: something is missing", english, StringComparison.Ordinal);
            var englishWords = new object[] { DemoLabels.English, CaseLabels.English, NewbornLabels.English, BundleCaseLabels.English }.SelectMany(LabelScan.Wordings)
                .Concat(CaseLabels.Chinese.RuntimeWords.Keys)
                .Concat(LabelScan.CatalogueWords(typeof(Rules.Precheck.Verdict), typeof(Rules.Catalog.AuthorityLevel), typeof(Rules.Catalog.ResultDelivery)));
            Assert.Empty(LabelScan.EnglishIn(LabelScan.Without(chinese, DataOf(chinese, stores[0])), englishWords));
            var chineseWords = new object[] { DemoLabels.Chinese, CaseLabels.Chinese, NewbornLabels.Chinese, BundleCaseLabels.Chinese }.SelectMany(LabelScan.Wordings);
            // The English report shows the 2017 story in its own words too, and the bundle's Chinese name beside its English one.
            var chineseData = DataOf(english, stores[1]).Append(Newborn.Then.Text).Append("出生一件事");
            Assert.Empty(LabelScan.ChineseIn(LabelScan.Without(english, chineseData), chineseWords));
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

    /// <summary>What the runtime and the script wrote into the report's cases: the four errands' and the newborn's bundle case.</summary>
    private static IEnumerable<string> DataOf(string report, string store) =>
        CaseId().Matches(report).Select(m => m.Value).Distinct().SelectMany(id => DemoStore.DataOf(store, id)).ToList();

    [GeneratedRegex(@"onevisit cases show C[0-9A-F]{20} --db (?<path>\S+)")]
    private static partial Regex OpenCommand();

    [GeneratedRegex(@"\b[CB][0-9A-F]{20}\b")]
    private static partial Regex CaseId();
}
