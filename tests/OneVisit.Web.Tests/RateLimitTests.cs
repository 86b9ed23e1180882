using System.Net;
using OneVisit.Web.Tests.Support;

namespace OneVisit.Web.Tests;

/// <summary>Submissions are limited per person, whatever the host's own middleware.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Submissions_BeyondTheLimit_AreRefusedWithRetryAfter()
    {
        using var host = new SampleHost(web => web.SubmissionsPerWindow = 2);
        using var citizen = host.As(SampleHost.Citizen);

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            responses.Add(await citizen.SendAsync(ApiTests.Submission(Bodies.Errand4, $"limited-{i}")));
        }

        Assert.Equal(HttpStatusCode.Created, responses[0].StatusCode);
        Assert.Equal(HttpStatusCode.Created, responses[1].StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, responses[2].StatusCode);
        Assert.True(responses[2].Headers.RetryAfter is not null, "A refused submission says when to retry.");
    }
}
