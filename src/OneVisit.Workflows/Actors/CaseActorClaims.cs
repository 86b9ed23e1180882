using System.Globalization;
using System.Security.Claims;

namespace OneVisit.Workflows.Actors;

/// <summary>
/// The claims a host's sign-in issues so that OneVisit knows who acts, and the mapping both ways. The host's
/// authentication (OpenID Connect, a government ID gateway, a smart card) is trusted to have set them; nothing else is.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><see cref="Kind"/></term><description><c>applicant</c>, <c>agent</c>, <c>officer</c>, <c>department</c> or <c>system</c>.</description></item>
/// <item><term><see cref="ClaimTypes.NameIdentifier"/> (or <c>sub</c>)</term><description>the subject id, agent id, officer id or department id.</description></item>
/// <item><term><see cref="Post"/></term><description>an officer's post, <c>authority-id/role</c> with role <c>intake_window</c>, <c>reviewer</c> or <c>auditor</c>; one claim per post.</description></item>
/// <item><term><see cref="MandatePrincipal"/>, <see cref="MandateUntil"/>, <see cref="MandateFrom"/>, <see cref="MandateProcedure"/></term><description>an agent's mandate: whose, until when (ISO 8601), from when, and one claim per covered procedure (none for all).</description></item>
/// </list>
/// </remarks>
public static class CaseActorClaims
{
    /// <summary>The actor's kind.</summary>
    public const string Kind = "onevisit/actor";

    /// <summary>An officer's post: <c>authority-id/role</c>.</summary>
    public const string Post = "onevisit/post";

    /// <summary>An agent's principal (subject id).</summary>
    public const string MandatePrincipal = "onevisit/mandate-principal";

    /// <summary>The end of an agent's mandate, ISO 8601 with an offset.</summary>
    public const string MandateUntil = "onevisit/mandate-until";

    /// <summary>The start of an agent's mandate, ISO 8601 with an offset (optional).</summary>
    public const string MandateFrom = "onevisit/mandate-from";

    /// <summary>A procedure or bundle code the mandate covers (optional, repeated).</summary>
    public const string MandateProcedure = "onevisit/mandate-procedure";

    private static readonly Dictionary<string, OfficerRole> Roles = new(StringComparer.Ordinal)
    {
        ["intake_window"] = OfficerRole.IntakeWindow,
        ["reviewer"] = OfficerRole.Reviewer,
        ["auditor"] = OfficerRole.Auditor,
        ["analyst"] = OfficerRole.Analyst,
    };

    /// <summary>
    /// The actor a signed-in principal is; null when it is not authenticated or carries no <see cref="Kind"/> claim.
    /// Throws <see cref="InvalidOperationException"/>, naming the claim, when the host's claims are malformed: that is
    /// the host's sign-in to fix, and acting on a guess would be worse.
    /// </summary>
    public static CaseActor? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true || principal.FindFirst(Kind)?.Value is not { } kind)
        {
            return null;
        }

        var id = principal.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? principal.FindFirst("sub")?.Value
            ?? throw Malformed($"has no {ClaimTypes.NameIdentifier} (or sub) claim naming who it is");
        return kind switch
        {
            "applicant" => CaseActor.Applicant(id),
            "agent" => CaseActor.Agent(id, MandateOf(principal)),
            "officer" => CaseActor.Officer(id, PostsOf(principal)),
            "department" => CaseActor.Department(id),
            "system" => CaseActor.System,
            _ => throw Malformed($"has {Kind} '{kind}'; expected applicant, agent, officer, department or system"),
        };
    }

    /// <summary>The claims that make <paramref name="actor"/>, for a host's sign-in (and for tests and demo sign-ins).</summary>
    public static IReadOnlyList<Claim> ToClaims(CaseActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var claims = new List<Claim>
        {
            new(Kind, actor.Kind.ToString().ToLowerInvariant()),
            new(ClaimTypes.NameIdentifier, actor.Id),
        };
        claims.AddRange(actor.Posts.Select(p => new Claim(Post, $"{p.AuthorityId}/{Roles.First(r => r.Value == p.Role).Key}")));
        if (actor.Mandate is { } mandate)
        {
            claims.Add(new(MandatePrincipal, mandate.PrincipalId));
            claims.Add(new(MandateUntil, mandate.ValidUntil.ToString("O", CultureInfo.InvariantCulture)));
            if (mandate.ValidFrom is { } from)
            {
                claims.Add(new(MandateFrom, from.ToString("O", CultureInfo.InvariantCulture)));
            }

            claims.AddRange(mandate.ProcedureCodes.Select(c => new Claim(MandateProcedure, c)));
        }

        return claims;
    }

    private static OfficerPost[] PostsOf(ClaimsPrincipal principal)
    {
        var posts = principal.FindAll(Post).Select(c => PostOf(c.Value)).ToArray();
        return posts.Length > 0 ? posts : throw Malformed($"is an officer without a {Post} claim; an officer acts only through the posts they hold");
    }

    private static OfficerPost PostOf(string value)
    {
        var slash = value.LastIndexOf('/');
        if (slash <= 0 || !Roles.TryGetValue(value[(slash + 1)..], out var role))
        {
            throw Malformed($"has {Post} '{value}'; expected authority-id/role with role intake_window, reviewer or auditor");
        }

        return new OfficerPost(value[..slash], role);
    }

    private static Mandate MandateOf(ClaimsPrincipal principal)
    {
        var whose = principal.FindFirst(MandatePrincipal)?.Value ?? throw Malformed($"is an agent without a {MandatePrincipal} claim");
        var until = Instant(principal.FindFirst(MandateUntil)?.Value ?? throw Malformed($"is an agent without a {MandateUntil} claim"), MandateUntil);
        var from = principal.FindFirst(MandateFrom)?.Value is { } start ? Instant(start, MandateFrom) : (DateTimeOffset?)null;
        if (from >= until)
        {
            throw Malformed($"has a mandate whose {MandateFrom} is not before its {MandateUntil}");
        }

        return new Mandate(whose, until, principal.FindAll(MandateProcedure).Select(c => c.Value), from);
    }

    /// <summary>An instant with its offset: one without would mean a different moment on each server's time zone.</summary>
    private static DateTimeOffset Instant(string value, string claim) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) && parsed.Kind != DateTimeKind.Unspecified
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : throw Malformed($"has {claim} '{value}', which is not an ISO 8601 instant with an offset (such as 2017-03-01T00:00:00+08:00)");

    private static InvalidOperationException Malformed(string what) =>
        new($"The signed-in principal {what}. Fix the claims the host's sign-in issues (see CaseActorClaims and docs/security.md).");
}
