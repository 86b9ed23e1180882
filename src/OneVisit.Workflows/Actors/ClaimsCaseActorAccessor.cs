using System.Security.Claims;

namespace OneVisit.Workflows.Actors;

/// <summary>
/// An <see cref="ICaseActorAccessor"/> over the host's current principal: in ASP.NET Core,
/// <c>() => httpContextAccessor.HttpContext?.User</c>; in a desktop host, the signed-in Windows or smart-card identity.
/// </summary>
/// <param name="principal">Gives the principal of the current call, or null when there is none.</param>
public sealed class ClaimsCaseActorAccessor(Func<ClaimsPrincipal?> principal) : ICaseActorAccessor
{
    private readonly Func<ClaimsPrincipal?> _principal = principal ?? throw new ArgumentNullException(nameof(principal));

    /// <inheritdoc />
    public CaseActor? Current => CaseActorClaims.FromPrincipal(_principal());
}
