using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneVisit.Web.Hosting;
using OneVisit.Workflows.Actors;

namespace OneVisit.Web.Tests.Support;

/// <summary>
/// The sample host (samples/OneVisit.Sample.Web) with its own throwaway SQLite store. Its demo cookie sign-in is
/// replaced by a header naming the actor (<see cref="As"/>), as a host's real sign-in would put them in the request;
/// everything else is the sample's.
/// </summary>
public sealed class SampleHost : WebApplicationFactory<Program>
{
    public const string ActorHeader = "X-Test-Actor";
    private readonly string _directory = Directory.CreateTempSubdirectory("onevisit-web-tests-").FullName;
    private readonly Action<OneVisitWebOptions>? _web;

    public SampleHost()
    {
    }

    /// <summary>The sample host with OneVisit.Web's options changed by <paramref name="web"/>.</summary>
    internal SampleHost(Action<OneVisitWebOptions> web) => _web = web;

    public static CaseActor Citizen { get; } = CaseActor.Applicant("330106-test-0001");

    public static CaseActor OtherCitizen { get; } = CaseActor.Applicant("330106-test-0002");

    public static CaseActor HousingFundOfficer { get; } = CaseActor.Officer(
        "officer-hf", new OfficerPost("hz_housing_fund", OfficerRole.IntakeWindow), new OfficerPost("hz_housing_fund", OfficerRole.Reviewer));

    public static CaseActor AmrOfficer { get; } = CaseActor.Officer(
        "officer-amr", new OfficerPost("hz_amr", OfficerRole.IntakeWindow), new OfficerPost("hz_amr", OfficerRole.Reviewer));

    /// <summary>A client signed in as <paramref name="actor"/>, or anonymous.</summary>
    public HttpClient As(CaseActor? actor)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (actor is not null)
        {
            client.DefaultRequestHeaders.Add(ActorHeader, HeaderFor(actor));
        }

        return client;
    }

    /// <summary>The test header that signs <paramref name="actor"/> in, with OneVisit's claims.</summary>
    public static string HeaderFor(CaseActor actor) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(
            CaseActorClaims.ToClaims(actor).Select(c => new[] { c.Type, c.Value }))));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("OneVisit:Workflows:ConnectionString", $"Data Source={Path.Combine(_directory, "cases.db")}");
        builder.UseSetting("OneVisit:CatalogPath", RepositoryRoot.SampleCatalogue);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication(options =>
                {
                    options.DefaultScheme = HeaderSignIn.Name;
                    options.DefaultAuthenticateScheme = HeaderSignIn.Name;
                    options.DefaultChallengeScheme = HeaderSignIn.Name;
                })
                .AddScheme<AuthenticationSchemeOptions, HeaderSignIn>(HeaderSignIn.Name, null);
            if (_web is not null)
            {
                services.Configure(_web);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown stays in the temp folder; the test's result does not depend on it.
        }
    }

    /// <summary>Signs in whoever the test header names, with OneVisit's claims.</summary>
    private sealed class HeaderSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "TestHeader";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers[ActorHeader].ToString() is not { Length: > 0 } header)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var pairs = System.Text.Json.JsonSerializer.Deserialize<string[][]>(Convert.FromBase64String(header))!;
            var identity = new ClaimsIdentity(pairs.Select(p => new Claim(p[0], p[1])), Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
        }
    }
}

/// <summary>Content helpers.</summary>
public static class Bodies
{
    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static StringContent Yaml(string yaml) => new(yaml, new MediaTypeHeaderValue("application/yaml") { CharSet = "utf-8" });

    /// <summary>The sample application for founding errand 4 (housing fund withdrawal for rent), as YAML.</summary>
    public static string Errand4 => File.ReadAllText(Path.Combine(RepositoryRoot.SampleCatalogue, "applications", "04-housing-fund-rent-withdrawal.yaml"));
}
