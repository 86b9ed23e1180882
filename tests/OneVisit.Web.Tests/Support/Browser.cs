using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace OneVisit.Web.Tests.Support;

/// <summary>
/// The sample host on a real Kestrel port, and Debian's Chromium driven by Playwright (launched by path: browsers are
/// never downloaded here). Screenshots go to a folder a person can open after the run.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string InstallHint = ChromiumPath.InstallHint + " (the test command does this when it can).";
    private IPlaywright? _playwright;

    public SampleHost Host { get; } = new();

    public IBrowser Chromium { get; private set; } = null!;

    /// <summary>Where the sample host listens, e.g. http://127.0.0.1:41234.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Where screenshots are kept: TestResults/pages beside the test assembly.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "pages")).FullName;

    public async Task InitializeAsync()
    {
        var executable = ChromiumPath.Find()
            ?? throw new InvalidOperationException($"The page tests drive Chromium, which is not on the PATH. {InstallHint}");
        Host.UseKestrel(0);
        Host.StartServer();
        Address = Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>A page at phone width (360 × 740), in a fresh context (no cookies from another test), signed in as <paramref name="actor"/> when given.</summary>
    public async Task<IPage> PhoneAsync(OneVisit.Workflows.Actors.CaseActor? actor = null)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            BaseURL = Address,
            ExtraHTTPHeaders = actor is null ? null : new Dictionary<string, string> { [SampleHost.ActorHeader] = SampleHost.HeaderFor(actor) },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}
