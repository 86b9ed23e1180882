using Microsoft.Extensions.Options;

namespace OneVisit.Web.Hosting.Internal;

/// <summary>Checks <see cref="OneVisitWebOptions"/> when the host starts, naming each wrong setting and its allowed range.</summary>
internal sealed class OneVisitWebOptionsValidator : IValidateOptions<OneVisitWebOptions>
{
    public ValidateOptionsResult Validate(string? name, OneVisitWebOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBytes is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add($"OneVisit:Web:MaxRequestBytes is {options.MaxRequestBytes}; give a size from 1024 bytes to 16 MiB (an application is a few kilobytes).");
        }

        if (options.SubmissionsPerWindow < 1)
        {
            failures.Add($"OneVisit:Web:SubmissionsPerWindow is {options.SubmissionsPerWindow}; give at least 1.");
        }

        if (options.SubmissionWindow <= TimeSpan.Zero || options.SubmissionWindow > TimeSpan.FromDays(1))
        {
            failures.Add($"OneVisit:Web:SubmissionWindow is {options.SubmissionWindow}; give a span greater than zero and at most one day.");
        }

        if (options.InboxLimit is < 1 or > 1000)
        {
            failures.Add($"OneVisit:Web:InboxLimit is {options.InboxLimit}; give 1 to 1000.");
        }

        if (options.Stylesheet is { } css
            && !(css.StartsWith('/') && !css.StartsWith("//", StringComparison.Ordinal))
            && !(Uri.TryCreate(css, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            failures.Add($"OneVisit:Web:Stylesheet is '{css}'; give a path the host serves, starting with one '/' (/css/onevisit.css), or an absolute https URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
