using System.Diagnostics;

namespace OneVisit.Cli.Tests.Readme;

/// <summary>
/// The README's test command, <c>.ci/test</c>, on a machine that lacks what the guide's rendering test needs:
/// run with stand-ins for apt-get, sudo and dotnet on a PATH of their own, it installs what is missing, says so,
/// and passes its arguments to <c>dotnet test OneVisit.sln</c>.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TestScriptTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Bin => Path.Combine(_folder.Path, "bin");

    private string Log => Path.Combine(_folder.Path, "calls.log");

    public TestScriptTests()
    {
        Directory.CreateDirectory(Bin);
        foreach (var tool in new[] { "bash", "grep", "dirname", "id" })
        {
            File.CreateSymbolicLink(Path.Combine(Bin, tool), Which(tool));
        }

        Stub("dotnet", """if [ "$1" = --list-sdks ]; then echo '10.0.100 [/usr/share/dotnet/sdk]'; else echo "dotnet $*" >> "$LOG"; fi""");
        Stub("sudo", """echo "sudo $*" >> "$LOG" """);
        Stub("apt-get", """echo "apt-get $*" >> "$LOG" """);
        Stub("dpkg", "exit 1");
        Stub("fc-list", "exit 0");
    }

    [Fact]
    public void Run_WithoutChromiumOrTheFont_InstallsBothSaysSoAndPassesArgumentsToDotnetTest()
    {
        var (exit, error) = Run("--filter", "FullyQualifiedName~Precheck");

        Assert.True(exit == 0, error);
        Assert.Contains(".ci/test: installing chromium fonts-wqy-microhei with apt-get", error, StringComparison.Ordinal);
        var calls = File.ReadAllLines(Log);
        Assert.Contains(calls, c => c.EndsWith("apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei", StringComparison.Ordinal));
        Assert.Equal("dotnet test OneVisit.sln --filter FullyQualifiedName~Precheck", calls[^1]);
    }

    [Fact]
    public void Run_WhenTheInstallFails_SaysWhatToInstallAndRunsNoTests()
    {
        Stub("apt-get", "exit 100");
        Stub("sudo", "exit 1");

        var (exit, error) = Run();

        Assert.Equal(1, exit);
        Assert.Contains("could not install chromium fonts-wqy-microhei", error, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium fonts-wqy-microhei", error, StringComparison.Ordinal);
        Assert.DoesNotContain(File.Exists(Log) ? File.ReadAllLines(Log) : [], c => c.StartsWith("dotnet test", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_WithEverythingPresent_InstallsNothing()
    {
        Stub("chromium", "exit 0");
        Stub("dpkg", "exit 0");

        var (exit, error) = Run();

        Assert.True(exit == 0, error);
        Assert.Equal(["dotnet test OneVisit.sln"], File.ReadAllLines(Log));
    }

    public void Dispose() => _folder.Dispose();

    private (int ExitCode, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(Bin, "bash"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, ".ci", "test"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = Bin;
        start.Environment["LOG"] = Log;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), ".ci/test did not finish within a minute.");
        return (process.ExitCode, error + output.Result);
    }

    private void Stub(string name, string body)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, $"#!{Which("bash")}\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string Which(string tool) =>
        new[] { "/usr/bin", "/bin", "/usr/sbin", "/sbin" }.Select(d => Path.Combine(d, tool)).First(File.Exists);
}
