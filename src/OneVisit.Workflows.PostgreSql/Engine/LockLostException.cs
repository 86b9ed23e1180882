namespace OneVisit.Workflows.PostgreSql.Engine;

/// <summary>
/// A save refused because this node no longer holds the workflow's lock: it was not heard from within its lease (a long
/// pause, a lost database connection) and another node took the case over. Nothing is written; the case goes on from
/// the other node's state. WorkflowCore logs it and drops this node's attempt.
/// </summary>
internal sealed class LockLostException(string workflowId, string nodeName)
    : InvalidOperationException(
        $"Node {nodeName} lost its lock on workflow {workflowId} (it was not heard from within PostgreSqlCaseOptions.LockLease) and another node took the case over; "
        + "this node's save is refused so that two nodes never both advance it. Look for long pauses or a slow database, or lengthen LockLease.")
{
    public string WorkflowId { get; } = workflowId;
}
