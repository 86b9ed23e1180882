using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OneVisit.Workflows.Tests.Readme;

/// <summary>
/// The README's host quick start, verbatim: its Program.cs goes into a new console project set up as its shell
/// block says (the hosting package, a reference to src/OneVisit.Workflows, the sample catalogue beside it), which
/// is built warning-free and run. It must submit a case that the province ends up reviewing, and the newborn's bundle.
/// </summary>
public sealed partial class CasesQuickStartTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Readme_ProgramCs_BuildsRunsAndSubmitsACaseTheProvinceReviews()
    {
        var (shell, program) = QuickStart();
        var hosting = HostingPackage().Match(shell);
        Assert.True(hosting.Success, "The README's shell block does not add Microsoft.Extensions.Hosting with a --version.");
        Assert.Contains("dotnet add reference ../onevisit/src/OneVisit.Workflows", shell, StringComparison.Ordinal);
        Assert.Contains("cp -r ../onevisit/catalog .", shell, StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory("onevisit-readme-host-").FullName;
        try
        {
            // The project 'dotnet new console' makes, with what the shell block adds; warnings fail the build.
            File.WriteAllText(Path.Combine(folder, "CaseHost.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.Extensions.Hosting" Version="{hosting.Groups["version"].Value}" />
                    <ProjectReference Include="{Path.Combine(RepositoryRoot.Path, "src", "OneVisit.Workflows", "OneVisit.Workflows.csproj")}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
            CopyFolder(Path.Combine(RepositoryRoot.Path, "catalog"), Path.Combine(folder, "catalog"));

            // The library is built already (this test references it): build only the host, and leave no build servers behind.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var build = await RunAsync(folder, "build", "-c", configuration, "--no-dependencies", "-nodeReuse:false", "-p:UseSharedCompilation=false");
            Assert.True(build.ExitCode == 0, "The README's Program.cs does not build:\n" + build.Output);

            var run = await RunAsync(folder, Path.Combine(folder, "bin", configuration, "net10.0", "CaseHost.dll"));

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Matches("(?m)^C[0-9A-F]{20}: UnderReview by zj_amr, forwarded from hz_general_window$", run.Output);
            Assert.Matches("(?m)^C[0-9A-F]{20}: approved by zj-amr-0042 for zj_amr$", run.Output);
            Assert.Matches("(?m)^  330100-SC-0006 CannotStartYet: waits for ", run.Output);
            Assert.Matches("(?m)^B[0-9A-F]{20}: 1 visit for the matter, 4 member by member$", run.Output);
            Assert.True(File.Exists(Path.Combine(folder, "onevisit.db")), "The case store was not created where the README says.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The shell block and the C# block under the README's host quick start.</summary>
    private static (string Shell, string Program) QuickStart()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var start = readme.IndexOf("## Quick start: cases in your host", StringComparison.Ordinal);
        Assert.True(start >= 0, "The README has no host quick start.");
        var section = readme[start..readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal)];
        var shell = Block().Match(section, 0);
        var program = Block().Matches(section).FirstOrDefault(m => m.Groups["language"].Value == "csharp");
        Assert.True(shell.Success && shell.Groups["language"].Value == "sh", "The host quick start does not start with a ```sh block.");
        Assert.True(program is not null, "The host quick start has no ```csharp block.");
        return (shell.Groups["code"].Value, program.Groups["code"].Value);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {Limit.TotalMinutes} minutes:\n{await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex("```(?<language>\\w+)\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"dotnet add package Microsoft\.Extensions\.Hosting --version (?<version>\S+)")]
    private static partial Regex HostingPackage();
}
