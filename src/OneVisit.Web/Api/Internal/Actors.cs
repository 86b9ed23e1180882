using Microsoft.AspNetCore.Http;
using OneVisit.Workflows.Actors;

namespace OneVisit.Web.Api.Internal;

/// <summary>
/// Who is asking, from the host's authentication only (claims, <see cref="CaseActorClaims"/>), never from a form field
/// or a query parameter.
/// </summary>
internal static class Actors
{
    /// <summary>Whose data <paramref name="actor"/> asks about as "me": an agent's principal, else the actor.</summary>
    public static string SubjectOf(CaseActor actor) => actor.Mandate?.PrincipalId ?? actor.Id;

    /// <summary>The signed-in actor.</summary>
    /// <exception cref="SignInRequiredException">No one is signed in, or the sign-in does not say who they are to OneVisit.</exception>
    public static CaseActor Of(HttpContext http)
    {
        CaseActor? actor;
        try
        {
            actor = CaseActorClaims.FromPrincipal(http.User);
        }
        catch (InvalidOperationException e)
        {
            // The host's sign-in issued claims OneVisit cannot read: a configuration error of the host, told as such.
            throw new SignInRequiredException(e.Message, StatusCodes.Status403Forbidden);
        }

        return actor ?? throw new SignInRequiredException(
            http.User.Identity?.IsAuthenticated == true
                ? $"You are signed in, but your sign-in does not say who you are to OneVisit (no {CaseActorClaims.Kind} claim). The host's sign-in must add OneVisit's claims (CaseActorClaims.ToClaims)."
                : "Sign in first: this needs to know who you are (an applicant, an agent or an officer).",
            http.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);
    }
}

/// <summary>No usable identity for a request that needs one.</summary>
internal sealed class SignInRequiredException(string message, int status) : Exception(message)
{
    public int Status { get; } = status;
}
