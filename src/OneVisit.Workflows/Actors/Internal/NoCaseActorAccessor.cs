namespace OneVisit.Workflows.Actors.Internal;

/// <summary>The accessor when the host registered none: no one is signed in, so only calls made <c>As(actor)</c> are served.</summary>
internal sealed class NoCaseActorAccessor : ICaseActorAccessor
{
    public CaseActor? Current => null;
}
