using System.Diagnostics;
using System.Xml.Linq;

namespace OneVisit.Cli.Tests.Readme;

/// <summary>
/// What the README's test command, <c>dotnet test OneVisit.sln</c>, installs first: <c>.ci/prerequisites</c>, run
/// by this project's and the workflow tests' csproj before their tests, on a machine that lacks what the guide's
/// rendering test or the PostgreSQL tests need. Run with stand-ins for apt-get, sudo, dpkg and fc-list on a PATH of
/// their own, and a stand-in for /usr/lib/postgresql, it installs what is missing and says so.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrerequisitesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Bin => Path.Combine(_folder.Path, "bin");

    private string Log => Path.Combine(_folder.Path, "calls.log");

    /// <summary>Stands in for /usr/lib/postgresql, where Debian puts each version's initdb.</summary>
    private string PostgreSqlRoot => Path.Combine(_folder.Path, "usr-lib-postgresql");

    public PrerequisitesTests()
    {
        Directory.CreateDirectory(Bin);
        foreach (var tool in new[] { "bash", "grep", "id", "rm", "flock" })
        {
            File.CreateSymbolicLink(Path.Combine(Bin, tool), Which(tool));
        }

        // PostgreSQL 15 as Debian lays it out, unless a test removes it.
        Directory.CreateDirectory(Path.Combine(PostgreSqlRoot, "15", "bin"));
        Stub(Path.Combine("..", "usr-lib-postgresql", "15", "bin", "initdb"), "exit 0");

        Stub("sudo", """echo "sudo $*" >> "$LOG"; shift 2; "$@" """);
        Stub("apt-get", """echo "apt-get $*" >> "$LOG" """);
        Stub("dpkg", "exit 1");
        Stub("fc-list", "exit 0");
    }

    [Theory]
    [InlineData("OneVisit.Cli.Tests")]
    [InlineData("OneVisit.Workflows.Tests")]
    public void Csproj_RunsTheScriptBeforeTheTests(string project)
    {
        // Both: 'dotnet test OneVisit.sln' runs the projects' tests in parallel, so the workflow tests cannot count on the CLI tests' run.
        var csproj = XDocument.Load(Path.Combine(RepositoryRoot.Path, "tests", project, project + ".csproj"));

        var target = Assert.Single(csproj.Descendants("Target"), t => (string?)t.Attribute("BeforeTargets") == "VSTest");
        Assert.EndsWith("/.ci/prerequisites\"", (string?)target.Element("Exec")?.Attribute("Command"), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithoutChromiumOrTheFont_InstallsBothAndSaysSo()
    {
        Stub("id", "echo 0");

        var (exit, error) = Run();

        Assert.True(exit == 0, error);
        Assert.Contains(".ci/prerequisites: installing chromium fonts-wqy-microhei with apt-get", error, StringComparison.Ordinal);
        Assert.Contains(".ci/prerequisites: installed chromium fonts-wqy-microhei.", error, StringComparison.Ordinal);
        Assert.Equal(["apt-get update -qq", "apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei"], File.ReadAllLines(Log));
    }

    [Fact]
    public void Run_NotAsRootAndWithoutATerminal_UsesSudoThatCannotPrompt()
    {
        Stub("id", "echo 1000");
        Stub("chromium", "exit 0");

        var (exit, error) = Run();

        Assert.True(exit == 0, error);
        Assert.Contains("sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-wqy-microhei", File.ReadAllLines(Log));
    }

    [Fact]
    public void Run_WhenTheInstallFails_ReportsAnErrorMSBuildShowsThatSaysWhatToInstall()
    {
        Stub("apt-get", "echo 'dpkg: warning: not for MSBuild' >&2; exit 100");

        var (exit, error) = Run();

        Assert.Equal(1, exit);
        // "origin: error: text" is how an Exec task's output becomes an MSBuild error, the one thing the terminal logger shows.
        Assert.Contains(".ci/prerequisites: error: could not install chromium fonts-wqy-microhei", error, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install chromium fonts-wqy-microhei", error, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", error, StringComparison.Ordinal);
        Assert.Contains("dpkg: warning: not for MSBuild", File.ReadAllText(Path.Combine(_folder.Path, "onevisit-prerequisites.log")), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithEverythingPresent_InstallsNothingAndSaysNothing()
    {
        Stub("chromium", "exit 0");
        Stub("dpkg", "exit 0");

        var (exit, error) = Run();

        Assert.True(exit == 0, error);
        Assert.Equal("", error);
        Assert.False(File.Exists(Log), "apt-get or sudo ran.");
    }

    [Fact]
    public void Run_WithoutPostgreSql_InstallsItAndSaysWhy()
    {
        Stub("id", "echo 0");
        Stub("chromium", "exit 0");
        Stub("dpkg", "exit 0");
        Directory.Delete(PostgreSqlRoot, recursive: true);

        var (exit, error) = Run();

        Assert.True(exit == 0, error);
        Assert.Contains(".ci/prerequisites: installing postgresql with apt-get, for the tests that run on a throwaway PostgreSQL cluster.", error, StringComparison.Ordinal);
        Assert.Contains(".ci/prerequisites: installed postgresql.", error, StringComparison.Ordinal);
        Assert.Equal(["apt-get update -qq", "apt-get install -y -qq --no-install-recommends postgresql"], File.ReadAllLines(Log));
    }

    [Fact]
    public void Run_WithNothingInstalled_InstallsAllInOneGo_AndSaysWhatEachIsFor()
    {
        Stub("id", "echo 0");
        Directory.Delete(Path.Combine(PostgreSqlRoot, "15"), recursive: true);

        var (exit, error) = Run();

        Assert.True(exit == 0, error);
        Assert.Contains(
            ".ci/prerequisites: installing chromium fonts-wqy-microhei postgresql with apt-get, for the test that renders every service guide in headless Chromium and the tests that run on a throwaway PostgreSQL cluster.",
            error, StringComparison.Ordinal);
        Assert.Equal(["apt-get update -qq", "apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei postgresql"], File.ReadAllLines(Log));
    }

    [Fact]
    public void Run_WithPostgreSqlOnPathInsteadOfDebiansLayout_InstallsNothingAndSaysNothing()
    {
        Stub("chromium", "exit 0");
        Stub("dpkg", "exit 0");
        Directory.Delete(PostgreSqlRoot, recursive: true);
        Stub("initdb", "exit 0");

        var (exit, error) = Run();

        Assert.True(exit == 0, error);
        Assert.Equal("", error);
        Assert.False(File.Exists(Log), "apt-get or sudo ran.");
    }

    [Fact]
    public void Run_WithPostgreSqlNamedByOneVisitPostgresBin_InstallsNothingAndSaysNothing()
    {
        Stub("chromium", "exit 0");
        Stub("dpkg", "exit 0");
        Directory.Delete(PostgreSqlRoot, recursive: true);
        Directory.CreateDirectory(Path.Combine(_folder.Path, "pg", "bin"));
        Stub(Path.Combine("..", "pg", "bin", "initdb"), "exit 0");

        var (exit, error) = Run(("ONEVISIT_POSTGRES_BIN", Path.Combine(_folder.Path, "pg", "bin")));

        Assert.True(exit == 0, error);
        Assert.Equal("", error);
        Assert.False(File.Exists(Log), "apt-get or sudo ran.");
    }

    public void Dispose() => _folder.Dispose();

    private (int ExitCode, string Error) Run(params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(Path.Combine(Bin, "bash"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, ".ci", "prerequisites"));
        start.Environment["PATH"] = Bin;
        start.Environment["LOG"] = Log;
        start.Environment["TMPDIR"] = _folder.Path;
        start.Environment["ONEVISIT_POSTGRESQL_ROOT"] = PostgreSqlRoot;
        start.Environment.Remove("ONEVISIT_POSTGRES_BIN");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), ".ci/prerequisites did not finish within a minute.");
        return (process.ExitCode, error + output.Result);
    }

    private void Stub(string name, string body)
    {
        var path = Path.Combine(Bin, name);
        File.Delete(path);
        File.WriteAllText(path, $"#!{Which("bash")}\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string Which(string tool) =>
        new[] { "/usr/bin", "/bin", "/usr/sbin", "/sbin" }.Select(d => Path.Combine(d, tool)).First(File.Exists);
}
