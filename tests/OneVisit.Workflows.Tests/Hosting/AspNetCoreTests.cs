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
using System.Security.Claims;
using OneVisit.Workflows.Actors;
using OneVisit.Workflows.Cases;
using OneVisit.Workflows.Hosting;

namespace OneVisit.Workflows.Tests.Hosting;

/// <summary>
/// The same registration serves an ASP.NET Core app: the runtime starts with it, and cases are served over HTTP to
/// the request's signed-in user, whose claims (<see cref="CaseActorClaims"/>) are the library's actor.
/// </summary>
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
                .AddWorkflows(w => w.UseSqlite($"Data Source={Path.Combine(directory, "cases.db")}").UseSimulatedDepartments()
                    .UseActors(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User));
            builder.Services.AddHttpContextAccessor();
            await using var app = builder.Build();

            // Stands in for the host's authentication: a reviewer of the authority the header names is signed in.
            app.Use((context, next) =>
            {
                if (context.Request.Headers["X-Test-Officer-Of"] is [{ } authority])
                {
                    var officer = CaseActor.Officer("web-officer", new OfficerPost(authority, OfficerRole.Reviewer));
                    context.User = new ClaimsPrincipal(new ClaimsIdentity(CaseActorClaims.ToClaims(officer), "test"));
                }

                return next(context);
            });
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
                catch (AccessDeniedException e)
                {
                    return Results.Problem(e.Message, statusCode: e.Actor == AccessDeniedException.NoOne ? 401 : 403);
                }
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

            var request = ApplicationFile.Load(Path.Combine(RepositoryRoot.SampleCatalogue, "applications", "04-housing-fund-rent-withdrawal.yaml"), app.Services.GetRequiredService<ProcedureCatalog>()).Request!;
            var submitted = await app.Services.GetRequiredService<ICaseService>().As(CaseActor.Applicant("applicant")).SubmitAsync(new CaseSubmission { IdempotencyKey = "web", Application = request });
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var anonymous = await http.GetAsync($"/cases/{submitted.CaseId}");
            http.DefaultRequestHeaders.Add("X-Test-Officer-Of", "hz_housing_fund");
            var served = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/cases/{submitted.CaseId}");
            var missing = await http.GetAsync("/cases/C-NONE");
            http.DefaultRequestHeaders.Remove("X-Test-Officer-Of");
            http.DefaultRequestHeaders.Add("X-Test-Officer-Of", "zj_amr");
            var elsewhere = await http.GetAsync($"/cases/{submitted.CaseId}");
            await app.StopAsync();

            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(submitted.CaseId, served.GetProperty("caseId").GetString());
            Assert.Equal("hz_housing_fund", served.GetProperty("authorityId").GetString());
            Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, elsewhere.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
