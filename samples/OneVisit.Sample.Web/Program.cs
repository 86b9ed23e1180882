using Microsoft.AspNetCore.Authentication.Cookies;
using OneVisit.Rules.Hosting;
using OneVisit.Sample.Web;
using OneVisit.Web.Hosting;
using OneVisit.Workflows;
using OneVisit.Workflows.Hosting;

var builder = WebApplication.CreateBuilder(args);


builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.LoginPath = "/demo";
        options.Cookie.Name = "onevisit-demo";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // An API answers 401/403 instead of redirecting to a page.
        options.Events.OnRedirectToLogin = context => DemoSignIn.RedirectUnlessApi(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => DemoSignIn.RedirectUnlessApi(context, StatusCodes.Status403Forbidden);
    });
builder.Services.AddAuthorization();
builder.Services.AddAntiforgery();

// Settings come from configuration (appsettings.json, OneVisit__CatalogPath, --OneVisit:Workflows:ConnectionString=…);
// without them, the sample catalogue beside the binary and a case store in the app's folder.
builder.Services.AddOneVisit(builder.Configuration.GetSection("OneVisit"))
    .AddWorkflows(builder.Configuration.GetSection("OneVisit:Workflows"), w => w.UseSimulatedDepartments())
    .AddWeb();
builder.Services.PostConfigure<OneVisitOptions>(o => o.CatalogPath ??= Path.Combine(AppContext.BaseDirectory, "samples", "hangzhou"));
builder.Services.PostConfigure<CaseOptions>(o => o.ConnectionString ??= new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
{
    DataSource = Path.Combine(builder.Environment.ContentRootPath, "onevisit-sample.db"),
}.ToString());

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOneVisit("/onevisit");
DemoSignIn.Map(app);
app.MapGet("/", () => Results.Redirect("/demo"));

app.Run();

/// <summary>The sample host's entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
