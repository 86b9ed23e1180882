using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using OneVisit.Workflows.Engine.Runtime;
using OneVisit.Workflows.PostgreSql.Hosting;
using WorkflowCore.Interface;

namespace OneVisit.Workflows.PostgreSql.Engine.Cluster;

/// <summary>
/// WorkflowCore's queues shared by the nodes on one database: a table (<c>wf_queue</c>) claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, <c>LISTEN/NOTIFY</c> on channel <see cref="Channel"/> to wake the other nodes the
/// moment work is written, and polling every <see cref="PostgreSqlCaseOptions.QueuePollInterval"/> as the safety net
/// for a notification lost (or never sent, with <see cref="PostgreSqlCaseOptions.Listen"/> off).
/// </summary>
/// <remarks>
/// <para>
/// Ids are written by one background writer per node, in batches (one statement inserts them all and one notification
/// per queue goes out), so queueing never blocks the caller: WorkflowCore and the runtime queue work from lock
/// releases and timer callbacks. An id is in the table at most once (its primary key), like the in-memory queue.
/// </para>
/// <para>
/// The queue is a hint, never the truth: the engine's poll finds runnable workflows and unprocessed events in their
/// own tables, so an id lost with a node that claimed it, or not yet written when a node died, is found again.
/// </para>
/// </remarks>
internal sealed partial class PostgresWorkQueues(NpgsqlDataSource dataSource, ClusterConnections control, PostgresNode node, PostgreSqlCaseOptions options, ILogger<PostgresWorkQueues> logger) : ISharedWorkQueues
{
    /// <summary>The notification channel; the payload is <c>{queue}:{node id}</c>, so a node ignores its own.</summary>
    public const string Channel = "onevisit_work";

    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly List<(QueueType Queue, string Id)> _unwritten = [];
    private readonly HashSet<(QueueType Queue, string Id)> _unwrittenSet = [];
    private readonly Dictionary<QueueType, PostgresWorkQueue> _queues = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly string _self = node.Id.ToString("N");
    private bool _wakePending;
    private CancellationTokenSource? _stopping;
    private Task? _writer;
    private Task? _listener;

    /// <summary>Notifications from other nodes received so far (for tests and diagnostics).</summary>
    public long NotificationsReceived => Interlocked.Read(ref _notifications);

    private long _notifications;

    /// <summary>
    /// True once this node listens and has woken its consumers for work written while it did not (for tests and
    /// diagnostics: from then on, only a notification or the poll wakes a waiting consumer).
    /// </summary>
    public bool Listening => Volatile.Read(ref _listening);

    private bool _listening;

    public IWorkQueue Create(QueueType queue)
    {
        var created = new PostgresWorkQueue(this, queue, options.QueuePollInterval);
        lock (_gate)
        {
            _queues[queue] = created;
        }

        return created;
    }

    public Task StartAsync()
    {
        _stopping = new CancellationTokenSource();
        _writer = WriteLoopAsync(_stopping.Token);
        _listener = options.Listen ? ListenLoopAsync(_stopping.Token) : Task.CompletedTask;
        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_writer!, _listener!).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        // What is still unwritten goes to the table now if it can; otherwise the engine's poll finds it.
        await FlushAsync(CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
        _stopping = null;
    }

    /// <summary>Ids of <paramref name="queue"/> queued on this node and not yet in the table.</summary>
    public int Unwritten(QueueType queue)
    {
        lock (_gate)
        {
            return _unwritten.Count(u => u.Queue == queue);
        }
    }

    /// <summary>Queues <paramref name="id"/> for the writer; false when it is already waiting to be written.</summary>
    public bool Write(QueueType queue, string id)
    {
        bool wake;
        lock (_gate)
        {
            if (!_unwrittenSet.Add((queue, id)))
            {
                return false;
            }

            _unwritten.Add((queue, id));
            wake = !_wakePending;
            _wakePending = true;
        }

        if (wake)
        {
            _wake.Release();
        }

        return true;
    }

    /// <summary>Takes the oldest id of <paramref name="queue"/> from the table, or null when there is none (or the database failed: logged).</summary>
    public async Task<string?> ClaimAsync(QueueType queue, CancellationToken cancellationToken)
    {
        try
        {
            var command = dataSource.CreateCommand("""
                DELETE FROM wf_queue WHERE ctid = (
                    SELECT ctid FROM wf_queue WHERE queue = @queue ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING item
                """);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.AddWithValue("queue", NpgsqlDbType.Smallint, (short)queue);
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            LogClaimFailed(ex, queue);
            return null;
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    _wakePending = false;
                }

                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                LogWriteFailed(ex, RetryAfterFailure);
                await Task.Delay(RetryAfterFailure, TimeProvider.System, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                lock (_gate)
                {
                    if (_unwritten.Count > 0 && !_wakePending)
                    {
                        _wakePending = true;
                        _wake.Release();
                    }
                }
            }
        }
    }

    // Writes everything unwritten in one round trip, then wakes this node's consumers of the queues written to.
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        (QueueType Queue, string Id)[] batch;
        lock (_gate)
        {
            batch = [.. _unwritten];
        }

        if (batch.Length == 0)
        {
            return;
        }

        var queues = batch.Select(b => (short)b.Queue).Distinct().ToArray();
        var command = dataSource.CreateCommand($"""
            INSERT INTO wf_queue (queue, item) SELECT * FROM unnest(@queues, @items) ON CONFLICT DO NOTHING;
            SELECT pg_notify('{Channel}', q::text || ':' || @node) FROM unnest(@written) AS q
            """);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("queues", NpgsqlDbType.Array | NpgsqlDbType.Smallint, batch.Select(b => (short)b.Queue).ToArray());
            command.Parameters.AddWithValue("items", NpgsqlDbType.Array | NpgsqlDbType.Text, batch.Select(b => b.Id).ToArray());
            command.Parameters.AddWithValue("written", NpgsqlDbType.Array | NpgsqlDbType.Smallint, queues);
            command.Parameters.AddWithValue("node", NpgsqlDbType.Text, _self);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        lock (_gate)
        {
            foreach (var item in batch)
            {
                _unwrittenSet.Remove(item);
            }

            _unwritten.RemoveRange(0, batch.Length);
        }

        foreach (var queue in queues)
        {
            QueueOf((QueueType)queue)?.Pulse();
        }
    }

    private PostgresWorkQueue? QueueOf(QueueType queue)
    {
        lock (_gate)
        {
            return _queues.GetValueOrDefault(queue);
        }
    }

    // One connection kept for LISTEN, from the node's control pool (not one of the main pool's); when it breaks, the consumers' polling carries on until it is back.
    private async Task ListenLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var connection = await control.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    connection.Notification += OnNotification;
                    await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    {
                        await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    // Work written while this node was not listening is claimed now rather than at the next poll.
                    foreach (var queue in _queues.Values)
                    {
                        queue.Pulse();
                    }

                    Volatile.Write(ref _listening, true);
                    while (true)
                    {
                        await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Volatile.Write(ref _listening, false);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.IO.IOException)
            {
                Volatile.Write(ref _listening, false);
                LogListenFailed(ex, RetryAfterFailure);
                await Task.Delay(RetryAfterFailure, TimeProvider.System, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        var separator = e.Payload.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0 || e.Payload.AsSpan(separator + 1).SequenceEqual(_self)
            || !short.TryParse(e.Payload.AsSpan(0, separator), out var queue))
        {
            return;
        }

        Interlocked.Increment(ref _notifications);
        QueueOf((QueueType)queue)?.Pulse();
    }

    [LoggerMessage(EventId = 2611, Level = LogLevel.Warning, Message = "Could not claim from the shared {Queue} queue; retried at the next poll")]
    private partial void LogClaimFailed(Exception exception, QueueType queue);

    [LoggerMessage(EventId = 2612, Level = LogLevel.Warning, Message = "Could not write queued work to the shared queue; retried in {Delay} (the engine's poll finds it meanwhile)")]
    private partial void LogWriteFailed(Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 2613, Level = LogLevel.Warning, Message = "Lost the LISTEN connection; reconnecting in {Delay}, polling meanwhile")]
    private partial void LogListenFailed(Exception exception, TimeSpan delay);
}
