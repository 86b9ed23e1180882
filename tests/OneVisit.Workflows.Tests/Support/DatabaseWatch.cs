using Npgsql;

namespace OneVisit.Workflows.Tests.Support;

/// <summary>
/// Tells when tables of a PostgreSQL database that other processes write have changed, without a timer: a statement
/// trigger on each watched table sends a <c>NOTIFY</c>, which this watch's own connection listens for. The multi-node
/// tests (and their node program) wait with it for what only the database can tell, such as "every node has joined"
/// or "the killed node's timer is armed". Installing the triggers is test-only and idempotent.
/// </summary>
internal sealed class DatabaseWatch : IAsyncDisposable
{
    private const string Channel = "onevisit_test_changes";

    private const string NotifyFunction = $"""
        CREATE OR REPLACE FUNCTION onevisit_test_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('{Channel}', TG_TABLE_NAME); RETURN NULL; END $$
        """;

    private readonly NpgsqlConnection _connection;
    private bool _changed;

    private DatabaseWatch(NpgsqlConnection connection)
    {
        _connection = connection;
        _connection.Notification += (_, _) => _changed = true;
    }

    /// <summary>Listens for changes to <paramref name="tables"/> (which must exist), installing their triggers if needed.</summary>
    public static async Task<DatabaseWatch> StartAsync(string connectionString, IReadOnlyList<string> tables)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var watch = new DatabaseWatch(connection);
        await watch.ExecuteAsync($"LISTEN {Channel}");

        // Several watches (the nodes' join barrier) may install at once: the advisory lock keeps their DDL apart.
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await watch.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('onevisit_test_notify'))", transaction);
            await watch.ExecuteAsync(NotifyFunction, transaction);
            foreach (var table in tables)
            {
                await watch.ExecuteAsync(
                    $"CREATE OR REPLACE TRIGGER onevisit_test_notify AFTER INSERT OR UPDATE OR DELETE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION onevisit_test_notify()",
                    transaction);
            }

            await transaction.CommitAsync();
        }

        return watch;
    }

    /// <summary>
    /// Reads <paramref name="sql"/> (a single value) until <paramref name="done"/> holds, again after each change to
    /// one of <paramref name="tables"/>; throws <see cref="TimeoutException"/> with <paramref name="explain"/> at the
    /// deadline.
    /// </summary>
    public static async Task<T> UntilAsync<T>(string connectionString, string sql, Func<T, bool> done, IReadOnlyList<string> tables, TimeSpan deadline, Func<string> explain)
    {
        await using var watch = await StartAsync(connectionString, tables);
        using var timeout = new CancellationTokenSource(deadline);
        while (true)
        {
            await using var command = new NpgsqlCommand(sql, watch._connection);
            var value = (T)(await command.ExecuteScalarAsync())!;
            if (done(value))
            {
                return value;
            }

            try
            {
                await watch.NextChangeAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Still {value} after {deadline}: {sql}\n{explain()}");
            }
        }
    }

    /// <summary>
    /// Returns once a watched table has changed since the last call: at once if a change was heard meanwhile (while
    /// a query ran on this connection, or still buffered on it), else when the next one arrives.
    /// </summary>
    public async Task NextChangeAsync(CancellationToken cancellationToken)
    {
        // WaitAsync also returns for messages that are not notifications (a parameter's new value).
        while (!_changed)
        {
            await _connection.WaitAsync(cancellationToken);
        }

        _changed = false;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task ExecuteAsync(string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, _connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}
