namespace OneVisit.Workflows.Cases.Internal;

/// <summary>
/// One wait's view of the saves of one workflow, open for the whole wait (<see cref="ICaseEngine.Watch"/>): no save
/// made while it is open is missed, even one that lands while the wait is still looking at the previous one.
/// Disposing it stops the watch.
/// </summary>
internal interface ISaveWatch : IDisposable
{
    /// <summary>
    /// Completes at the next save not yet taken (at once when one landed since the last call), with the data that save
    /// wrote, or null when the caller must read the workflow itself (a save seen on another node, or a look that failed).
    /// After several saves, only the latest counts: each holds the whole workflow as it then stood.
    /// </summary>
    Task<object?> NextAsync(CancellationToken cancellationToken);
}
