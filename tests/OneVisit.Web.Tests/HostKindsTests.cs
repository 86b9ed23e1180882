using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneVisit.Rules.Hosting;
using OneVisit.Web.Hosting;
using OneVisit.Workflows.Hosting;

namespace OneVisit.Web.Tests;

/// <summary>MapOneVisit in the three kinds of ASP.NET Core host: minimal API (the sample), MVC and Razor Pages.</summary>
public sealed class HostKindsTests
{
    [Theory]
    [InlineData("mvc")]
    [InlineData("razor-pages")]
    public async Task MapOneVisit_InAnMvcOrRazorPagesHost_ServesTheApiPagesAndOpenApi(string kind)
    {
        var folder = Directory.CreateTempSubdirectory("onevisit-web-host-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseTestServer();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (kind == "mvc")
            {
                builder.Services.AddControllersWithViews();
            }
            else
            {
                builder.Services.AddRazorPages();
            }

            builder.Services.AddOneVisit().AddCatalog(RepositoryRoot.SampleCatalogue)
                .AddWorkflows(w => w.UseSqlite($"Data Source={Path.Combine(folder, "cases.db")}").UseSimulatedDepartments())
                .AddWeb();
            await using var app = builder.Build();
            app.UseRouting();
            if (kind == "mvc")
            {
                app.MapControllers();
                app.MapDefaultControllerRoute();
            }
            else
            {
                app.MapRazorPages();
            }

            app.MapOneVisit("/services");
            await app.StartAsync();
            using var client = app.GetTestClient();

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/services/api/procedures")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/services/check")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/services/openapi/onevisit.json")).StatusCode);
            Assert.Contains("/services/onevisit.css", await client.GetStringAsync("/services/check"), StringComparison.Ordinal);
            await app.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void MapOneVisit_WithoutAddWeb_SaysWhatToCall()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapOneVisit());
        Assert.Contains("AddWeb()", error.Message, StringComparison.Ordinal);
    }
}
