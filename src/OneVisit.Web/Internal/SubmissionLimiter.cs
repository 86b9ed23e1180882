using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OneVisit.Web.Hosting;

namespace OneVisit.Web.Internal;

/// <summary>
/// Limits how often one person submits (<see cref="OneVisitWebOptions.SubmissionsPerWindow"/>). It is OneVisit's own
/// and runs inside the endpoint, so it holds whether or not the host added ASP.NET Core's rate-limiting middleware;
/// a host that wants more puts its own limiter in front.
/// </summary>
internal sealed class SubmissionLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;

    public SubmissionLimiter(IOptions<OneVisitWebOptions> options)
    {
        var o = options.Value;
        _window = o.SubmissionWindow;
        _limiter = PartitionedRateLimiter.Create<string, string>(who => RateLimitPartition.GetFixedWindowLimiter(who, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = o.SubmissionsPerWindow,
            Window = o.SubmissionWindow,
            QueueLimit = 0,
        }));
    }

    /// <summary>Whether <paramref name="http"/>'s sender may submit now; when not, how long until it may.</summary>
    public bool TryAcquire(HttpContext http, out TimeSpan retryAfter)
    {
        // A signed-in person is limited as themselves wherever they connect from; otherwise their address is all there is.
        var who = http.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name
            : http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } id ? "user:" + id
            : "address:" + http.Connection.RemoteIpAddress;
        using var lease = _limiter.AttemptAcquire(who);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : _window;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
