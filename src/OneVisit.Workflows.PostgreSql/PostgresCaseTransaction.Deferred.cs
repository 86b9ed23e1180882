using Npgsql;

namespace OneVisit.Workflows.PostgreSql;

/// <summary>The writes a transaction holds back until it needs an answer from the server or commits.</summary>
internal sealed partial class PostgresCaseTransaction
{
    private readonly List<(NpgsqlBatchCommand Command, Action<long>? Sent)> _deferred = [];

    /// <summary>
    /// Queues a write whose result the caller does not need now. It is sent before the next statement that needs an
    /// answer, or with the other deferred writes in one batch before the commit, in the order the writes were made.
    /// <paramref name="sent"/> then receives the rows it changed (or read, for a <c>SELECT</c>) and may throw to refuse
    /// the transaction: the commit does not happen. A transaction run without deferral (see <see cref="RunAsync"/>)
    /// sends each write at once.
    /// </summary>
    public void Defer(string sql, Action<NpgsqlCommand> bind, Action<long>? sent = null)
    {
        ArgumentNullException.ThrowIfNull(bind);
        _deferred.Add((BatchCommand(sql, bind), sent));
        if (!deferWrites)
        {
            SendDeferred();
        }
    }

    /// <summary>
    /// Sends the deferred writes now, one statement at a time. Synchronously, because the port is synchronous; one
    /// statement at a time, because a synchronous batch of several statements stalled under contention (Npgsql writes
    /// such a batch from another task, which waits for a thread-pool thread while those are blocked in synchronous
    /// waits like this one).
    /// </summary>
    private void SendDeferred()
    {
        foreach (var (command, sent) in TakeDeferred())
        {
            using var batch = new NpgsqlBatch(Connection, Transaction) { BatchCommands = { command } };
            batch.ExecuteNonQuery();
            sent?.Invoke((long)command.Rows);
        }
    }

    /// <summary>Sends the deferred writes as one batch, one round trip; the transaction then commits.</summary>
    private async Task SendDeferredAsync(CancellationToken cancellationToken)
    {
        var deferred = TakeDeferred();
        if (deferred.Count == 0)
        {
            return;
        }

        var batch = new NpgsqlBatch(Connection, Transaction);
        await using (batch.ConfigureAwait(false))
        {
            foreach (var (command, _) in deferred)
            {
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (command, sent) in deferred)
        {
            sent?.Invoke((long)command.Rows);
        }
    }

    private List<(NpgsqlBatchCommand Command, Action<long>? Sent)> TakeDeferred()
    {
        var taken = new List<(NpgsqlBatchCommand, Action<long>?)>(_deferred);
        _deferred.Clear();
        return taken;
    }

    /// <summary>The statement with its parameters, bound by the same helpers as a command's (a scratch command lends them).</summary>
    private static NpgsqlBatchCommand BatchCommand(string sql, Action<NpgsqlCommand> bind)
    {
        using var scratch = new NpgsqlCommand();
        bind(scratch);
        var parameters = scratch.Parameters.ToArray();
        scratch.Parameters.Clear();
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>
    /// An audit line turned out to be stored already (its key inserted nothing) after a later line of its case had been
    /// chained after it in the same batch: that later line's position and hash are wrong. Caught by <see cref="RunAsync"/>,
    /// which rolls the transaction back and runs it again sending each write at once.
    /// </summary>
    private sealed class ChainHeadMovedException(string caseId)
        : Exception($"An audit line of case {caseId} was stored already; the transaction runs again with each write sent at once.");

    /// <summary>
    /// Another transaction holds the audit chain of one of <see cref="CaseIds"/>, or held it until after this one read
    /// its head. Caught by <see cref="RunAsync"/>, which rolls this transaction back, waits for those chains' locks
    /// without blocking a thread, and runs it again.
    /// </summary>
    private sealed class ChainBusyException(IReadOnlyCollection<string> caseIds, Exception? inner = null)
        : Exception($"The audit chain of case {string.Join(", ", caseIds)} is being appended to by another transaction; this one runs again once it may append.", inner)
    {
        public IReadOnlyCollection<string> CaseIds { get; } = caseIds;
    }
}
