using System.ComponentModel.DataAnnotations;

namespace OneVisit.Workflows.PostgreSql;

/// <summary>
/// How a node of a cluster shares one PostgreSQL database with the others (see <c>UsePostgreSql</c> and
/// docs/scale-out.md). Validated when the host or the case runtime starts.
/// </summary>
public sealed class PostgreSqlCaseOptions
{
    /// <summary>
    /// What this node is called in <c>ov_nodes</c>, logs and the database's <c>application_name</c>. Default: the
    /// machine name and process id (<c>web-2/4711</c>); each start gets a new node id whatever the name.
    /// </summary>
    [MaxLength(48, ErrorMessage = "{0} must be at most {1} characters (it is also PostgreSQL's application_name, which keeps 63 bytes)")]
    public string? NodeName { get; set; }

    /// <summary>
    /// How long the locks and claims a node holds outlive its last heartbeat. When a node dies (a crash, <c>kill -9</c>,
    /// a lost network), the others take over its cases, timers and evidence requests once this has passed since its
    /// last heartbeat: the takeover bound. A node that stalls longer than this (a long GC pause, a frozen VM) loses its
    /// locks, and its next write is refused rather than overwriting another node's. Default 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "{0} must be between 1 second and 1 day")]
    public TimeSpan LockLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a node tells the others it is alive, renewing its locks and claims. Must be less than half of
    /// <see cref="LockLease"/>, so that one late heartbeat does not lose them. Default 10 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "12:00:00", ErrorMessage = "{0} must be between 100 ms and 12 hours")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often an idle node looks at the shared work queue when no notification arrived: the safety net under
    /// <c>LISTEN/NOTIFY</c>. Default 1 second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.01", "00:10:00", ErrorMessage = "{0} must be between 10 ms and 10 minutes")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often this node looks for saves other nodes made of the cases someone here waits on (<c>WaitUntilAsync</c>):
    /// one query a node per interval for every wait at once, and a wait whose case changed reads it again. Saves on
    /// this node end a wait at once. Default 200 ms: a case advanced on another node is seen within about that.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.01", "00:01:00", ErrorMessage = "{0} must be between 10 ms and 1 minute")]
    public TimeSpan WaitReadInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Whether a node listens for <c>NOTIFY</c> on one dedicated connection, so work queued on another node starts
    /// within milliseconds. Turn it off behind a pooler in transaction mode (PgBouncer's <c>pool_mode=transaction</c>),
    /// which cannot carry <c>LISTEN</c>: the queue is then found by polling every <see cref="QueuePollInterval"/>.
    /// Default true.
    /// </summary>
    public bool Listen { get; set; } = true;
}
