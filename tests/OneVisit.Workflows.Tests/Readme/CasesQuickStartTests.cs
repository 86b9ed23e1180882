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
        var folder = Directory.CreateTempSubdirectory("onevisit-readme-host-").FullName;
        try
        {
            var host = await BuildAsync(folder, shell, program, "OneVisit.Workflows");

            var run = await RunAsync(folder, [host]);

            AssertRan(run);
            Assert.True(File.Exists(Path.Combine(folder, "onevisit.db")), "The case store was not created where the README says.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The lines a run of the quick start prints: the province reviews, decides, and the newborn's bundle.</summary>
    internal static void AssertRan((int ExitCode, string Output) run)
    {
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches("(?m)^C[0-9A-F]{20}: UnderReview by zj_amr, forwarded from hz_general_window$", run.Output);
        Assert.Matches("(?m)^C[0-9A-F]{20}: approved by zj-amr-0042 for zj_amr$", run.Output);
        Assert.Matches("(?m)^  330100-SC-0006 CannotStartYet: waits for ", run.Output);
        Assert.Matches("(?m)^B[0-9A-F]{20}: 1 visit for the matter, 4 member by member$", run.Output);
    }

    /// <summary>
    /// Makes the project 'dotnet new console' makes, with what the shell block adds (the hosting package, references
    /// to <paramref name="projects"/> under src/, the sample catalogue), and builds it warning-free; returns the host's dll.
    /// </summary>
    internal static async Task<string> BuildAsync(string folder, string shell, string program, params string[] projects)
    {
        var hosting = HostingPackage().Match(shell);
        Assert.True(hosting.Success, "The README's shell block does not add Microsoft.Extensions.Hosting with a --version.");
        Assert.Contains("cp -r ../onevisit/catalog .", shell, StringComparison.Ordinal);
        var references = string.Concat(projects.Select(project => $"""
                <ProjectReference Include="{Path.Combine(RepositoryRoot.Path, "src", project, project + ".csproj")}" />

            """));
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
            {references}  </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        CopyFolder(Path.Combine(RepositoryRoot.Path, "catalog"), Path.Combine(folder, "catalog"));

        // The library is built already (this test references it): build only the host, and leave no build servers behind.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var build = await RunAsync(folder, ["build", "-c", configuration, "--no-dependencies", "-nodeReuse:false", "-p:UseSharedCompilation=false"]);
        Assert.True(build.ExitCode == 0, "The README's Program.cs does not build:\n" + build.Output);
        return Path.Combine(folder, "bin", configuration, "net10.0", "CaseHost.dll");
    }

    /// <summary>The shell block and the C# block under the README's host quick start.</summary>
    internal static (string Shell, string Program) QuickStart()
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

    /// <summary>The blocks of the quick start's "Several nodes" variant: its shell line and its C# lines.</summary>
    internal static (string Shell, string Program) SeveralNodes()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var start = readme.IndexOf("### Several nodes on one PostgreSQL database", StringComparison.Ordinal);
        Assert.True(start >= 0, "The README's quick start has no variant for several nodes.");
        var section = readme[start..readme.IndexOf("\n## ", start, StringComparison.Ordinal)];
        var blocks = Block().Matches(section);
        var shell = blocks.FirstOrDefault(m => m.Groups["language"].Value == "sh");
        var program = blocks.FirstOrDefault(m => m.Groups["language"].Value == "csharp");
        Assert.True(shell is not null && program is not null, "The variant for several nodes needs a ```sh and a ```csharp block.");
        return (shell.Groups["code"].Value, program.Groups["code"].Value);
    }

    internal static async Task<(int ExitCode, string Output)> RunAsync(string folder, string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
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
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

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
