namespace OneVisit.Workflows.Cases.Internal;

/// <summary>What the case runtime needs of a workflow engine; the WorkflowCore implementation lives in Engine/.</summary>
internal interface ICaseEngine
{
    /// <summary>
    /// Starts running cases: registers every procedure version cases were started on and the catalogue's
    /// <paramref name="current"/> ones, creates or upgrades the engine's tables, and resumes what a stop or a crash
    /// interrupted (events that waits missed, cases sleeping until a later time).
    /// </summary>
    Task StartAsync(IReadOnlyList<CaseTerms> current, CancellationToken cancellationToken);

    /// <summary>Stops taking work and lets the steps in flight finish; cases stay stored and resume on the next start.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Makes sure the workflow of this procedure version is registered (and remembered for restarts).</summary>
    Task EnsureDefinitionAsync(CaseTerms terms, CancellationToken cancellationToken);

    /// <summary>Starts a case's workflow on its procedure version; returns the workflow id.</summary>
    Task<string> StartCaseAsync(CaseData data, CancellationToken cancellationToken);

    /// <summary>The case data as last stored, or null (also for a bundle case's workflow).</summary>
    Task<CaseData?> LoadAsync(string workflowId, CancellationToken cancellationToken);

    /// <summary>Starts a bundle case's workflow; returns the workflow id.</summary>
    Task<string> StartBundleAsync(Bundles.Internal.BundleData data, CancellationToken cancellationToken);

    /// <summary>The bundle case data as last stored, or null (also for a case's workflow).</summary>
    Task<Bundles.Internal.BundleData?> LoadBundleAsync(string workflowId, CancellationToken cancellationToken);

    /// <summary>The workflow started for a case, if any (to repair a submission interrupted by a crash).</summary>
    Task<string?> FindWorkflowAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>
    /// Retention: in one transaction, runs <paramref name="caseWrites"/> (which returns false to write nothing) and
    /// deletes the workflow documents of <paramref name="caseIds"/> and everything the engine keeps for them (execution
    /// pointers, subscriptions, events, scheduled commands, errors). False, writing nothing, when
    /// <paramref name="caseWrites"/> declined or a workflow of those cases still runs.
    /// </summary>
    Task<bool> PurgeAsync(IReadOnlyList<string> caseIds, Func<Storage.ICaseTransaction, bool> caseWrites, CancellationToken cancellationToken);

    /// <summary>
    /// Changes a running case outside its steps (a migration), as a step would: under the workflow's lock, loads the
    /// case's data, lets <paramref name="change"/> alter it and add its writes (false: write nothing), and saves the
    /// document with those writes in one transaction, the workflow moved to the data's procedure version (which must be
    /// registered). Nothing a step did is run again: the workflow's positions and waits are kept. False when
    /// <paramref name="change"/> declined or the workflow has ended.
    /// </summary>
    /// <exception cref="TimeoutException">Steps kept the workflow locked for longer than <paramref name="lockWait"/>.</exception>
    Task<bool> UpdateCaseAsync(string workflowId, Func<CaseData, bool> change, TimeSpan lockWait, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the workflows' locks usable for <see cref="UpdateCaseAsync"/> while the engine is not running (an operator's
    /// command on a store): on a store nodes share, this process joins them as a node until the result is disposed.
    /// Nothing when the engine runs.
    /// </summary>
    Task<IAsyncDisposable> JoinLocksAsync();

    /// <summary>Completes at the next save of <paramref name="workflowId"/>; take it before reading the state it guards.</summary>
    Task NextSave(string workflowId);

    /// <summary>
    /// Watches the saves of <paramref name="workflowId"/> until disposed, handing on the data of each one made here; open
    /// it before reading the state it guards.
    /// </summary>
    ISaveWatch Watch(string workflowId);
}
