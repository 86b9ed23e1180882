using System.Net;
using Microsoft.Extensions.Options;
using OneVisit.Web.Hosting;
using OneVisit.Web.Tests.Support;

namespace OneVisit.Web.Tests;

/// <summary>OneVisit.Web's options: a host restyles the pages with its own stylesheet; wrong settings stop the host with a message.</summary>
public sealed class OptionsTests
{
    [Fact]
    public async Task Stylesheet_OfTheHost_IsLinkedAndAllowed()
    {
        using var host = new SampleHost(web => web.Stylesheet = "https://static.example.gov.cn/onevisit/site.css");
        using var client = host.As(null);
        var response = await client.GetAsync("/onevisit/check");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<link rel=\"stylesheet\" href=\"https://static.example.gov.cn/onevisit/site.css\">", html, StringComparison.Ordinal);
        Assert.Contains("style-src 'self' https://static.example.gov.cn;", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("css/site.css")]
    [InlineData("//elsewhere.example/site.css")]
    [InlineData("http://insecure.example/site.css")]
    public void Stylesheet_NotAPathOrHttps_StopsTheHostNamingTheSetting(string stylesheet)
    {
        using var host = new SampleHost(web => web.Stylesheet = stylesheet);

        var error = Assert.Throws<OptionsValidationException>(() => host.As(null));
        Assert.Contains("OneVisit:Web:Stylesheet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubmissionsPerWindow_Zero_StopsTheHost()
    {
        using var host = new SampleHost(web => web.SubmissionsPerWindow = 0);

        var error = Assert.Throws<OptionsValidationException>(() => host.As(null));
        Assert.Contains("OneVisit:Web:SubmissionsPerWindow", error.Message, StringComparison.Ordinal);
    }
}
