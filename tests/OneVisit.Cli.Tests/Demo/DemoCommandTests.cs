using System.Text.Json;
using System.Text.RegularExpressions;

namespace OneVisit.Cli.Tests.Demo;

/// <summary><c>onevisit demo</c>: the founding morning replayed through the case runtime.</summary>
public sealed class DemoCommandTests(DemoStore demo) : IClassFixture<DemoStore>
{
    [Fact]
    public void Demo_Run_CompletesAndEndsWithTheSummaryAndTheDatabase()
    {
        Assert.True(demo.ExitCode == ExitCodes.Ok, demo.Output + demo.Error);
        Assert.Empty(demo.Error);
        Assert.Contains("SIMULATED", demo.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Summary$", demo.Output);
        // One row per errand: number, procedure, 2017 outcome, visits needed and made, time to result, case id.
        Assert.Matches(@"(?m)^\s+1\s+Registration of a company branch\s+not finished: materials incomplete\s+0\s+0\s+1 d 1 h\s+C[0-9A-F]{20}$", demo.Output);
        Assert.Matches(@"(?m)^\s+2\s+Transfer of an enterprise's vehicle.*outdated form version\s+1\s+1\s+1 h 40 min\s+C[0-9A-F]{20}$", demo.Output);
        Assert.Matches(@"(?m)^\s+3\s+Company name pre-approval.*wrong authority.*\s+1\s+1\s+4 h 40 min\s+C[0-9A-F]{20}$", demo.Output);
        Assert.Matches(@"(?m)^\s+4\s+Housing provident fund withdrawal.*another department\s+0\s+0\s+4 h 50 min\s+C[0-9A-F]{20}$", demo.Output);
        // The newborn: the naive trips department by department in the 2017 column, the bundle's in the visits columns.
        Assert.Matches(@"(?m)^\s+5\s+Newborn \(4 procedures\)\s+department by department: 4 trips\s+1\s+1\s+2 h\s+B[0-9A-F]{20}$", demo.Output);
        Assert.Contains($"The cases are stored in {demo.Database}", demo.Output, StringComparison.Ordinal);
        // The sample catalogue names its offices' zone, so the command needs no --time-zone.
        Assert.Matches($@"onevisit cases show C[0-9A-F]{{20}} --db {Regex.Escape(demo.Database)} --lang en\n", demo.Output);
    }

    [Fact]
    public void Demo_EachErrand_ShowsThePrecheckAtHomeThenTheCasesOwnSteps()
    {
        // Errand 1: both gaps in one notice at once, then four documents fetched from other departments.
        Assert.Contains("still needed: Lease contract, Appointment of the branch manager (all listed at once)", demo.Output, StringComparison.Ordinal);
        Assert.Matches(@"notice_issued\s+一次性告知书", demo.Output);
        Assert.Equal(4 + 1 + 1 + 1, Regex.Matches(demo.Output, @"evidence_answered\s").Count);
        // Errand 2: the 2008 form converted, one visit for the inspection, the pickup in the same visit.
        Assert.Contains("(2008 → 2012)", demo.Output, StringComparison.Ordinal);
        Assert.Contains("visits: 1 needed, 1 made", demo.Output, StringComparison.Ordinal);
        // Errand 3: the province decides, the city's window forwards instead of sending the applicant away.
        Assert.Contains("Zhejiang Administration for Industry and Commerce (province level) decides; handed in at Citizen centre, general intake window, the case is forwarded there", demo.Output, StringComparison.Ordinal);
        Assert.Matches(@"forwarded\s+Handed in at hz_general_window, forwarded to zj_amr", demo.Output);
        // Errand 4: the no-housing certificate comes from the real-estate registry, not from the worker.
        Assert.Contains("fetched by the government: No-housing certificate", demo.Output, StringComparison.Ordinal);
        Assert.Equal(4 + 1, Regex.Matches(demo.Output, @"(?m)^\s+result\s+approved").Count);
    }

    [Fact]
    public void Demo_Newborn_ShowsTheTripsMemberByMemberThenOneBundleCase()
    {
        // 2017: each department "at most one visit", four departments, four trips, results carried by the family.
        Assert.Contains("member by member, each department \"at most one visit\": 4 trips in all", demo.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+Shangcheng District branch, Hangzhou Public Security Bureau\s+330100-SC-0006 Birth registration .*\s1\s+First issue of the medical birth certificate$", demo.Output);
        Assert.Contains("the precheck says 1 trip for the whole matter (Joint birth-services desk in the maternity hospital); 4 if each department were visited on its own.", demo.Output, StringComparison.Ordinal);
        // Now: members start when their inputs exist, outputs pass between them, one delivery.
        Assert.Equal(4, Regex.Matches(demo.Output, @"member_started\s").Count);
        Assert.Matches(@"(?m)^\s+passed\s+Medical birth certificate: 330100-SC-0005 → 330100-SC-0006 \(e_licence\)$", demo.Output);
        Assert.Matches(@"(?m)^\s+Household registration booklet: 330100-SC-0006 → 330100-SC-0007 \(push\)$", demo.Output);
        Assert.Contains("approved, every result at once: issued as an e-licence, result mailed, result online, 2 h after applying; visits: 1 needed, 1 made (4 member by member); bundle limit (5 working days) met.", demo.Output, StringComparison.Ordinal);
        Assert.Matches($@"onevisit cases show B[0-9A-F]{{20}} --db {Regex.Escape(demo.Database)} --lang en\n", demo.Output);
    }

    [Fact]
    public void Demo_Json_GivesEachErrandsCaseOutcomeAndVisits()
    {
        using var folder = new TempFolder();
        var (exit, output, error) = Cli.Run("demo", "--db", Path.Combine(folder.Path, "cases.db"), "--json");

        Assert.True(exit == ExitCodes.Ok, output + error);
        using var json = JsonConvention.Parse(output);
        var errands = json.RootElement.GetProperty("errands").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4], errands.Select(e => e.GetProperty("number").GetInt32()));
        Assert.All(errands, e => Assert.Equal("approved", e.GetProperty("outcome").GetString()));
        // Handing errand 3 in at the city's window is a visit, and the precheck says so: predicted equals made.
        Assert.Equal([0, 1, 1, 0], errands.Select(e => e.GetProperty("visitsPredicted").GetInt32()));
        Assert.Equal([0, 1, 1, 0], errands.Select(e => e.GetProperty("visitsMade").GetInt32()));
        Assert.Equal([4, 1, 1, 1], errands.Select(e => e.GetProperty("evidenceFetched").GetInt32()));
        Assert.Equal("hz_general_window", errands[2].GetProperty("forwardedFromWindow").GetString());
        Assert.Equal("zj_amr", errands[2].GetProperty("competentAuthority").GetString());
        Assert.Contains("notice_issued", errands[0].GetProperty("steps").EnumerateArray().Select(s => s.GetString()));

        var newborn = json.RootElement.GetProperty("newborn");
        Assert.Equal("330100-YJS-0001", newborn.GetProperty("bundle").GetString());
        Assert.Equal("approved", newborn.GetProperty("outcome").GetString());
        Assert.Equal((4, 1, 1), (newborn.GetProperty("visitsNaive").GetInt32(), newborn.GetProperty("visitsPredicted").GetInt32(), newborn.GetProperty("visitsMade").GetInt32()));
        Assert.Equal([1, 1, 1, 1], newborn.GetProperty("memberByMember").EnumerateArray().Select(m => m.GetProperty("visits").GetInt32()));
        Assert.All(newborn.GetProperty("members").EnumerateArray(), m => Assert.Equal("done", m.GetProperty("state").GetString()));
        Assert.Equal(2, newborn.GetProperty("passed").GetArrayLength());
        Assert.True(newborn.GetProperty("deliversOnce").GetBoolean());
    }

    [Fact]
    public void Demo_ExistingFile_IsNeverWrittenTo()
    {
        using var folder = new TempFolder();
        var existing = Path.Combine(folder.Path, "real.db");
        File.WriteAllText(existing, "someone's data");

        var (exit, output, error) = Cli.Run("demo", "--db", existing);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal("someone's data", File.ReadAllText(existing));
    }
}
