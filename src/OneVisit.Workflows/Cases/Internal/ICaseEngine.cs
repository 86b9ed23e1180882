namespace OneVisit.Workflows.Cases.Internal;

/// <summary>What the case service needs of a workflow engine; the WorkflowCore implementation lives in Engine/.</summary>
internal interface ICaseEngine
{
    /// <summary>Makes sure the workflow of this procedure version is registered (and remembered for restarts).</summary>
    Task EnsureDefinitionAsync(CaseTerms terms, CancellationToken cancellationToken);

    /// <summary>Starts a case's workflow on its procedure version; returns the workflow id.</summary>
    Task<string> StartAsync(CaseData data, CancellationToken cancellationToken);

    /// <summary>The case data as last stored, or null.</summary>
    Task<CaseData?> LoadAsync(string workflowId, CancellationToken cancellationToken);

    /// <summary>The workflow started for a case, if any (to repair a submission interrupted by a crash).</summary>
    Task<string?> FindWorkflowAsync(string caseId, CancellationToken cancellationToken);
}
