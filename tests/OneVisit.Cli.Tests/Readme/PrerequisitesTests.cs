using System.Diagnostics;
using System.Xml.Linq;

namespace OneVisit.Cli.Tests.Readme;

/// <summary>
/// What the README's test command, <c>dotnet test OneVisit.sln</c>, installs first: <c>.ci/prerequisites</c>, run
/// by this project's csproj before its tests, on a machine that lacks what the guide's rendering test needs. Run with
/// stand-ins for apt-get, sudo, dpkg and fc-list on a PATH of their own, it installs what is missing and says so.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrerequisitesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Bin => Path.Combine(_folder.Path, "bin");

    private string Log => Path.Combine(_folder.Path, "calls.log");

    public PrerequisitesTests()
    {
        Directory.CreateDirectory(Bin);
        foreach (var tool in new[] { "bash", "grep", "id", "rm" })
        {
            File.CreateSymbolicLink(Path.Combine(Bin, tool), Which(tool));
        }

        Stub("sudo", """echo "sudo $*" >> "$LOG"; shift 2; "$@" """);
        Stub("apt-get", """echo "apt-get $*" >> "$LOG" """);
        Stub("dpkg", "exit 1");
        Stub("fc-list", "exit 0");
    }

    [Fact]
    public void Csproj_RunsTheScriptBeforeTheTests()
    {
        var csproj = XDocument.Load(Path.Combine(RepositoryRoot.Path, "tests", "OneVisit.Cli.Tests", "OneVisit.Cli.Tests.csproj"));

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

    public void Dispose() => _folder.Dispose();

    private (int ExitCode, string Error) Run()
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
