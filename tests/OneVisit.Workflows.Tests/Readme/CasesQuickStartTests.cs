using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Hosting;
using OneVisit.Rules.Precheck;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Hosting;

namespace OneVisit.Workflows.Tests.Readme;

/// <summary>Keeps the README's "run cases in a host" snippet compiling and working: the marked code is the README's, verbatim.</summary>
public sealed partial class CasesQuickStartTests
{
    [Fact]
    public async Task The_snippet_submits_a_case_in_a_generic_host()
    {
        var directory = Directory.CreateTempSubdirectory("onevisit-readme-").FullName;
        var previous = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(RepositoryRoot.Path);
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddSingleton<TimeProvider>(TimeProvider.System);
            Snippet1(builder);
            builder.Services.AddWorkflowsDatabaseAt(directory);
            using var host = builder.Build();
            await host.StartAsync();
            var cases = host.Services.GetRequiredService<ICaseService>();
            var request = ApplicationFile.Load("catalog/hangzhou/applications/03-company-name-province.yaml", host.Services.GetRequiredService<ProcedureCatalog>()).Request!;

            var output = new StringWriter();
            var console = Console.Out;
            Console.SetOut(output);
            try
            {
                await Snippet2(cases, request);
            }
            finally
            {
                Console.SetOut(console);
            }

            await host.StopAsync();
            Assert.Matches("^C[0-9A-F]{20}: Submitted, competent: zj_amr", output.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_README_block_is_the_tested_snippet()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "OneVisit.Workflows.Tests", "Readme", "CasesQuickStartTests.cs"));

        var inReadme = ReadmeBlock().Match(readme).Groups["code"].Value;
        var tested = string.Concat(Marked().Matches(source).Select(m => m.Groups["code"].Value));

        Assert.NotEmpty(inReadme);
        Assert.Equal(Normalise(inReadme), Normalise(tested));
    }

    private static string Normalise(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    [GeneratedRegex("```csharp\\n(?<code>// Durable cases.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeBlock();

    [GeneratedRegex("// README:begin\\n(?<code>.*?)// README:end", RegexOptions.Singleline)]
    private static partial Regex Marked();

    private static void Snippet1(HostApplicationBuilder builder)
    {
        // README:begin
        // Durable cases, in Program.cs of a worker service or an ASP.NET Core app
        builder.Services.AddOneVisit()
            .AddCatalog("catalog/hangzhou")
            .AddWorkflows(w => w
                .UseSqlite("Data Source=onevisit.db")            // created and upgraded on start
                .UseSimulatedDepartments());                     // a simulation: register an IEvidenceProvider per department
        // README:end
    }

    private static async Task Snippet2(ICaseService cases, PrecheckRequest request)
    {
        // README:begin
        // Then, where applications arrive (cases is the ICaseService from DI; request a PrecheckRequest as above):
        var submitted = await cases.SubmitAsync(new CaseSubmission
        {
            IdempotencyKey = "web-2017-000001",                  // a retry returns the same case
            ApplicantId = "91330102MA28000001",                  // whom the audit log and the visit ledger are about
            Application = request,
        });
        Console.WriteLine($"{submitted.CaseId}: {submitted.Stage}, competent: {submitted.AuthorityId}");
        // README:end
    }
}

internal static class ReadmeTestServices
{
    /// <summary>Points the snippet's database into a temporary folder, so the test leaves no onevisit.db behind.</summary>
    public static void AddWorkflowsDatabaseAt(this IServiceCollection services, string directory) =>
        services.AddOneVisit().AddWorkflows(w => w.UseSqlite($"Data Source={Path.Combine(directory, "onevisit.db")}"));
}
