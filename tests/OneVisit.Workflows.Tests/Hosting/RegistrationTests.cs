using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Hosting;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Hosting;

namespace OneVisit.Workflows.Tests.Hosting;

/// <summary>The one DI entry point: harmless twice, validated at start, and at home in a generic host.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public async Task AddWorkflows_CalledTwice_RegistersTheRuntimeOnceAndKeepsBothSettings()
    {
        using var directory = new TempDirectory();
        var services = new ServiceCollection();
        services.AddOneVisit().AddCatalog(RepositoryRoot.SampleCatalogue)
            .AddWorkflows(w => w.UseSqlite(directory.ConnectionString).UseSimulatedDepartments())
            .AddWorkflows(w => w.Configure(o => o.SupplementWorkingDays = 7));

        await using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(CaseRuntime));
        Assert.Single(provider.GetServices<IHostedService>());
        var options = provider.GetRequiredService<IOptions<CaseOptions>>().Value;
        Assert.Equal((7, directory.ConnectionString), (options.SupplementWorkingDays, options.ConnectionString));
    }

    [Fact]
    public async Task AddWorkflows_InvalidSettings_AreValidatedWhenTheRuntimeStarts()
    {
        var services = new ServiceCollection();
        services.AddOneVisit().AddCatalog(RepositoryRoot.SampleCatalogue)
            .AddWorkflows(w => w.Configure(o => o.SupplementWorkingDays = 0));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => provider.GetRequiredService<CaseRuntime>().StartAsync());

        Assert.Contains("UseSqlite", error.Message);
        Assert.Contains("SupplementWorkingDays", error.Message);
    }

    [Fact]
    public async Task AddWorkflows_CatalogueThatFetchesDocuments_NeedsAnEvidenceProvider()
    {
        using var directory = new TempDirectory();
        var services = new ServiceCollection();
        services.AddOneVisit().AddCatalog(RepositoryRoot.SampleCatalogue).AddWorkflows(w => w.UseSqlite(directory.ConnectionString));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => provider.GetRequiredService<CaseRuntime>().StartAsync());

        Assert.Contains("AddEvidenceProvider", error.Message);
    }

    [Fact]
    public async Task AddWorkflows_CatalogueWithErrors_StopsTheStartWithItsDiagnostics()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "catalog.yaml"), "name: broken\n");
        var services = new ServiceCollection();
        services.AddOneVisit().AddCatalog(directory.Path)
            .AddWorkflows(w => w.UseSqlite(directory.ConnectionString).UseSimulatedDepartments());
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<CatalogException>(() => provider.GetRequiredService<CaseRuntime>().StartAsync());

        Assert.NotEmpty(error.Diagnostics);
    }

    [Fact]
    public async Task AddWorkflows_GenericHost_RunsLikeAWorkerService()
    {
        using var directory = new TempDirectory();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOneVisit().AddCatalog(RepositoryRoot.SampleCatalogue)
            .AddWorkflows(w => w.UseSqlite(directory.ConnectionString).UseSimulatedDepartments());
        using var host = builder.Build();

        await host.StartAsync();
        var cases = host.Services.GetRequiredService<ICaseService>().As(global::OneVisit.Workflows.Actors.CaseActor.Applicant("applicant"));
        var loaded = ApplicationFile.Load(Path.Combine(RepositoryRoot.SampleCatalogue, "applications", "03-company-name-province.yaml"), host.Services.GetRequiredService<Rules.Catalog.ProcedureCatalog>());
        var submitted = await cases.SubmitAsync(new CaseSubmission { IdempotencyKey = "host", ApplicantId = "applicant", Application = loaded.Request! });
        await host.StopAsync();

        Assert.Equal(CaseStage.Submitted, submitted.Stage);
        Assert.Single(await cases.ListAsync());
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("onevisit-host-").FullName;

        public string ConnectionString => $"Data Source={System.IO.Path.Combine(Path, "cases.db")}";

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path, recursive: true);
        }
    }
}
