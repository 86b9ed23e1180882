namespace OneVisit.Workflows.Actors;

/// <summary>
/// Where the case services find who is acting when a call does not name an actor with <c>As(actor)</c>: the host's
/// signed-in user (in ASP.NET Core, the request's <see cref="System.Security.Claims.ClaimsPrincipal"/> through
/// <see cref="CaseActorClaims"/>). Register one with <c>AddWorkflows(w => w.UseActors(...))</c>.
/// </summary>
public interface ICaseActorAccessor
{
    /// <summary>The actor of the current call, or null when no one is signed in (every call is then denied).</summary>
    CaseActor? Current { get; }
}
