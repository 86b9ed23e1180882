namespace OneVisit.Web.Hosting;

/// <summary>
/// How OneVisit's HTTP surface behaves: request size, how often one person may submit, and what the responses say
/// about caching. Validated when the host starts (<c>ValidateOnStart</c>): a wrong value stops the host with a message
/// naming the setting, rather than surfacing as odd behaviour later.
/// </summary>
public sealed class OneVisitWebOptions
{
    /// <summary>
    /// The largest request body read, in bytes (64 KiB by default). An application is a few kilobytes; anything much
    /// larger is refused with 413 before it is parsed.
    /// </summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// How many submissions (new cases) one signed-in person, or one client address when no one is signed in, may make
    /// per <see cref="SubmissionWindow"/>; 10 by default. Submissions beyond it get 429 with a Retry-After header. Other
    /// endpoints are not limited: prechecks are read-only and cheap, and the host's own limiter can cover them.
    /// </summary>
    public int SubmissionsPerWindow { get; set; } = 10;

    /// <summary>The window of <see cref="SubmissionsPerWindow"/>; one minute by default.</summary>
    public TimeSpan SubmissionWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The stylesheet the pages link instead of the package's own: a path the host serves (<c>/css/onevisit.css</c>)
    /// or an absolute <c>https</c> URL, whose origin the pages' content security policy then allows. Null (the default)
    /// for the package's stylesheet at <c>{prefix}/onevisit.css</c>; start a restyle from a copy of it.
    /// </summary>
    public string? Stylesheet { get; set; }

    /// <summary>The most cases an officer's inbox lists (100 by default, at most 1,000); the oldest are listed first.</summary>
    public int InboxLimit { get; set; } = 100;
}
