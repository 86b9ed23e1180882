using Npgsql;
using OneVisit.Workflows.Engine.Persistence;
using WorkflowCore.Models;

namespace OneVisit.Workflows.PostgreSql.Engine;

/// <summary>IScheduledCommandRepository: "process this workflow / event at time T", run once across every node.</summary>
internal sealed partial class PostgresWorkflowStore
{
    public bool SupportsScheduledCommands => true;

    /// <summary>One row per (command, data); scheduling it again replaces the time, as on SQLite.</summary>
    public Task ScheduleCommand(ScheduledCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (name, data, time) = (command.CommandName, command.Data, command.ExecuteTime);
        return WriteAsync(
            t => t.Execute(
                """
                INSERT INTO wf_scheduled_commands (command_name, data, execute_time) VALUES (@name, @data, @time)
                ON CONFLICT (command_name, data) DO UPDATE SET execute_time = excluded.execute_time
                """,
                c => c.Text("name", name).Text("data", data).Long("time", time)),
            CancellationToken.None);
    }

    /// <summary>
    /// Runs every command due at <paramref name="asOf"/>, oldest first, each once across the cluster: its row is locked
    /// (<c>FOR UPDATE SKIP LOCKED</c>) for as long as its action runs and deleted in the same transaction when the action
    /// succeeded. Another node polling meanwhile skips the locked row, and finds it gone afterwards. A failing action
    /// rolls back, is logged, and its command stays for the next poll; a command rescheduled meanwhile keeps its new time.
    /// </summary>
    public async Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var due = await QueryAsync(
            "SELECT command_name, data, execute_time FROM wf_scheduled_commands WHERE execute_time <= @as_of ORDER BY execute_time",
            c => c.Long("as_of", asOf.UtcTicks),
            r => new ScheduledCommand { CommandName = r.GetString(0), Data = r.GetString(1), ExecuteTime = r.GetInt64(2) },
            cancellationToken).ConfigureAwait(false);

        foreach (var command in due)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await RunOnceAsync(command, action).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The host is stopping and has closed the database: the rest run on the next start, or on another node.
                return;
            }
#pragma warning disable CA1031 // One failing command must not stop the others; it is retried on the next poll.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.ScheduledCommandFailed(_logger, command.CommandName, command.Data, exception);
            }
        }
    }

    private async Task RunOnceAsync(ScheduledCommand command, Func<ScheduledCommand, Task> action)
    {
        var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var claim = new NpgsqlCommand(
                    "SELECT 1 FROM wf_scheduled_commands WHERE command_name = @name AND data = @data AND execute_time = @time FOR UPDATE SKIP LOCKED",
                    connection,
                    transaction);
                await using (claim.ConfigureAwait(false))
                {
                    claim.Text("name", command.CommandName).Text("data", command.Data).Long("time", command.ExecuteTime);
                    if (await claim.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false) is null)
                    {
                        return; // run (or rescheduled) by another node meanwhile, or being run by one now
                    }
                }

                await action(command).ConfigureAwait(false);
                var delete = new NpgsqlCommand("DELETE FROM wf_scheduled_commands WHERE command_name = @name AND data = @data", connection, transaction);
                await using (delete.ConfigureAwait(false))
                {
                    delete.Text("name", command.CommandName).Text("data", command.Data);
                    await delete.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
                }

                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
