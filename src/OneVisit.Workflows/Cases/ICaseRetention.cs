namespace OneVisit.Workflows.Cases;

/// <summary>
/// Retention: how long a finished case's documents are kept (<see cref="CaseOptions.RetainFinishedCasesFor"/>).
/// The case runtime runs <see cref="PurgeAsync"/> itself every <see cref="CaseOptions.RetentionSweepInterval"/> when
/// the setting is set; a host may also call it (a nightly job, an operator's command).
/// </summary>
public interface ICaseRetention
{
    /// <summary>
    /// Purges every case closed longer ago than <see cref="CaseOptions.RetainFinishedCasesFor"/>: its workflow document
    /// and everything the engine kept for it, and the evidence answers stored for it, one case (a bundle case with its
    /// members) per transaction. Its index row stays, marked purged; its audit lines stay and gain one line
    /// (<c>purged</c>, by <c>system</c>), so the chain still verifies; the visit and commitment ledgers stay. A bundle
    /// case is purged with its member cases once it and all of them are closed; a member case is never purged before
    /// its bundle case. A case purged already is skipped, so a run after a crash purges nothing twice.
    /// </summary>
    /// <returns>The cases purged by this call (each member case of a bundle counts); 0 when the setting is unset.</returns>
    Task<int> PurgeAsync(CancellationToken cancellationToken = default);
}
