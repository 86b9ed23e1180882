using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace OneVisit.Workflows.Persistence.Sqlite;

/// <summary>
/// The single writer with group commit. SQLite allows one writer at a time and the cost of a write is dominated
/// by its commit, so every write is queued here and one loop runs all writes queued at that moment in one
/// transaction, commits once, then completes them all. Each write runs inside its own SAVEPOINT so a failing
/// write is rolled back alone and faults only its own caller.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private const string Savepoint = "w";

    private readonly Channel<WriteRequest> _queue =
        Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });

    private readonly SqliteConnection _connection;
    private readonly int _maxBatch;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private long _committedBatches;

    /// <param name="connection">An open connection this writer owns from now on and closes on disposal.</param>
    /// <param name="maxBatch">Most writes in one transaction; bounds how long one commit holds the lock.</param>
    /// <param name="logger">Where batch outcomes go.</param>
    public SqliteWriter(SqliteConnection connection, int maxBatch, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _connection = connection;
        _maxBatch = maxBatch;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many transactions the writer has committed: fewer than writes means group commit worked.</summary>
    public long CommittedBatches => Interlocked.Read(ref _committedBatches);

    /// <summary>
    /// Queues a write and completes once it is committed. The caller's token is honoured until the write
    /// starts; after that the write runs to its commit (a half-cancelled write would be worse than a late one).
    /// </summary>
    public Task<T> EnqueueAsync<T>(Func<SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var request = new WriteRequest<T>(write, cancellationToken);
        return _queue.Writer.TryWrite(request)
            ? request.Task
            : Task.FromException<T>(new ObjectDisposedException(nameof(SqliteWriter), "The case database is closed."));
    }

    /// <summary>Stops taking writes, runs every write already queued, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<WriteRequest>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var request))
            {
                if (request.CancellationToken.IsCancellationRequested)
                {
                    request.Cancel();
                }
                else
                {
                    batch.Add(request);
                }
            }

            if (batch.Count > 0)
            {
                RunBatch(batch);
                batch.Clear();
            }
        }
    }

    private void RunBatch(List<WriteRequest> batch)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = new Exception?[batch.Count];
        var failures = 0;
        try
        {
            using var transaction = _connection.BeginTransaction();
            // A lone write needs no savepoint: rolling back to the start of the transaction isolates it the same.
            var isolate = batch.Count > 1;
            var rolledBack = false;
            for (var i = 0; i < batch.Count; i++)
            {
                if (isolate)
                {
                    transaction.Save(Savepoint);
                }

                try
                {
                    batch[i].Execute(transaction);
                    if (isolate)
                    {
                        transaction.Release(Savepoint);
                    }
                }
#pragma warning disable CA1031 // Any exception from a write belongs to that write's caller, not to the loop.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    // If undoing the savepoint itself fails the transaction is unusable: the outer catch fails all.
                    if (isolate)
                    {
                        transaction.Rollback(Savepoint);
                        transaction.Release(Savepoint);
                    }
                    else
                    {
                        transaction.Rollback();
                        rolledBack = true;
                    }

                    failed[i] = exception;
                    failures++;
                    Log.WriteFailed(_logger, exception);
                }
            }

            if (!rolledBack)
            {
                transaction.Commit();
                Interlocked.Increment(ref _committedBatches);
            }
        }
#pragma warning disable CA1031 // The loop must survive a failed commit (disk full, lock timeout) and report it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.BatchFailed(_logger, batch.Count, exception);
            foreach (var request in batch)
            {
                request.Fail(exception);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failed[i] is { } exception)
            {
                batch[i].Fail(exception);
            }
            else
            {
                batch[i].Complete();
            }
        }

        Log.BatchCommitted(_logger, batch.Count, failures, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
