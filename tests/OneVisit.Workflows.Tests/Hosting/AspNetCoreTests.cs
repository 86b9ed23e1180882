using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneVisit.Rules.Authoring;
using OneVisit.Rules.Catalog;
using OneVisit.Rules.Hosting;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Hosting;

namespace OneVisit.Workflows.Tests.Hosting;

/// <summary>The same registration serves an ASP.NET Core app: the runtime starts with it and cases are served over HTTP.</summary>
public sealed class AspNetCoreTests
{
    [Fact]
    public async Task AspNetCore_WebApp_SubmitsAndServesCases()
    {
        var directory = Directory.CreateTempSubdirectory("onevisit-web-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddOneVisit().AddCatalog(RepositoryRoot.SampleCatalogue)
                .AddWorkflows(w => w.UseSqlite($"Data Source={Path.Combine(directory, "cases.db")}").UseSimulatedDepartments());
            await using var app = builder.Build();
            app.MapGet("/cases/{id}", async (string id, ICaseService cases) =>
            {
                try
                {
                    return Results.Ok(await cases.GetAsync(id));
                }
                catch (CaseNotFoundException e)
                {
                    return Results.NotFound(e.Message);
                }
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

            var request = ApplicationFile.Load(Path.Combine(RepositoryRoot.SampleCatalogue, "applications", "04-housing-fund-rent-withdrawal.yaml"), app.Services.GetRequiredService<ProcedureCatalog>()).Request!;
            var submitted = await app.Services.GetRequiredService<ICaseService>().SubmitAsync(new CaseSubmission { IdempotencyKey = "web", ApplicantId = "applicant", Application = request });
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var served = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/cases/{submitted.CaseId}");
            var missing = await http.GetAsync("/cases/C-NONE");
            await app.StopAsync();

            Assert.Equal(submitted.CaseId, served.GetProperty("caseId").GetString());
            Assert.Equal("hz_housing_fund", served.GetProperty("authorityId").GetString());
            Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
